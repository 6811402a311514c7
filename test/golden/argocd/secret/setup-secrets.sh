#!/bin/bash
# Setup Kubernetes secrets from 1Password
# Secrets never live in Git: each entry below is read from 1Password (or from an
# environment variable, which wins when set) and applied with kubectl.
# Usage: ./setup-secrets.sh

set -euo pipefail

# 1Password configuration
OP_VAULT="Personal" # Update this to your 1Password vault name

# One secret per line:
#   namespace|secret name|secret key|1Password item|1Password field|env var override
SECRETS=(
  "cloudflare|cloudflared-credentials|credentials.json|Cloudflare Tunnel - Homelab|credential|CLOUDFLARE_TUNNEL_CREDENTIALS_JSON"
  "homarr|db-secret|db-encryption-key|Homarr Database|credential|HOMARR_DB_ENCRYPTION_KEY"
  "whoami|whoami-api-key|API_KEY|Whoami App|api key|WHOAMI_API_KEY"
  "whoami|whoami-password|PASSWORD|Whoami App|password|WHOAMI_PASSWORD"
)

check_prerequisites() {
  command -v kubectl >/dev/null || { echo "kubectl not found"; exit 1; }
  command -v op >/dev/null || { echo "1Password CLI (op) not found"; exit 1; }
  op account list >/dev/null 2>&1 || eval "$(op signin)"
}

# Get secret value from environment variable or 1Password
get_secret_value() {
  local op_item="$1" op_field="$2" env_var="$3"
  if [ -n "$env_var" ] && [ -n "${!env_var:-}" ]; then
    printf '%s' "${!env_var}"
    return
  fi
  op item get "$op_item" --vault="$OP_VAULT" --fields="$op_field" --reveal
}

# Create or update a Kubernetes secret (namespace is created if missing)
create_k8s_secret() {
  local namespace="$1" name="$2" key="$3" value="$4"
  kubectl create namespace "$namespace" --dry-run=client -o yaml | kubectl apply -f - >/dev/null
  printf '%s' "$value" | kubectl create secret generic "$name" \
    --namespace="$namespace" \
    --from-file="$key"=/dev/stdin \
    --dry-run=client -o yaml | kubectl apply -f - >/dev/null
  echo "✓ $namespace/$name"
}

main() {
  check_prerequisites
  local entry namespace name key item field env_var value
  for entry in "${SECRETS[@]}"; do
    IFS='|' read -r namespace name key item field env_var <<<"$entry"
    if ! value=$(get_secret_value "$item" "$field" "$env_var"); then
      echo "⚠ '$item' not found in 1Password vault '$OP_VAULT' (and \$$env_var unset), skipping $namespace/$name"
      continue
    fi
    create_k8s_secret "$namespace" "$name" "$key" "$value"
  done
}

main "$@"
