#!/bin/sh
# Prints a KeycloakRealmImport for the Keycloak operator from keycloak-realm.json (JSON is
# valid YAML, so the realm goes in as it is). Its placeholders are filled from the secret
# comunidad-realm (keys base-url, oidc-client-secret, api-client-secret):
#   deploy/k8s/realm-import.sh | kubectl apply -n comunidad -f -
set -eu
realm="$(dirname "$0")/../../keycloak-realm.json"
cat <<YAML
apiVersion: k8s.keycloak.org/v2alpha1
kind: KeycloakRealmImport
metadata:
  name: comunidad
spec:
  keycloakCRName: keycloak
  placeholders:
    COMUNIDAD_BASE_URL:
      secret: { name: comunidad-realm, key: base-url }
    COMUNIDAD_OIDC_CLIENT_SECRET:
      secret: { name: comunidad-realm, key: oidc-client-secret }
    COMUNIDAD_API_CLIENT_SECRET:
      secret: { name: comunidad-realm, key: api-client-secret }
  realm:
YAML
sed 's/^/    /' "$realm"
