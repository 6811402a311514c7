/**
 * Capture group `i` of a match, for a group that is not optional in its pattern (so it always
 * takes part when the pattern matched): the check says so if the pattern is ever changed.
 */
export function captured(match: RegExpMatchArray | RegExpExecArray, i: number): string {
  const group = match[i];
  if (group === undefined)
    throw new Error(`capture group ${i} of /${match.input ?? ''}/ did not take part in the match`);
  return group;
}
