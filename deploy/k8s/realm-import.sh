#!/bin/sh
# Prints a KeycloakRealmImport for the Keycloak operator from keycloak-realm.json (JSON is
# valid YAML, so the realm goes in as it is). Its placeholders are filled from the secret
# comunidad-realm (keys base-url, oidc-client-secret, api-client-secret, admin-client-secret,
# smtp-host, smtp-port, mail-from, smtp-ssl, smtp-starttls, smtp-auth, smtp-user, smtp-password):
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
    COMUNIDAD_ADMIN_CLIENT_SECRET:
      secret: { name: comunidad-realm, key: admin-client-secret }
    COMUNIDAD_SMTP_HOST:
      secret: { name: comunidad-realm, key: smtp-host }
    COMUNIDAD_SMTP_PORT:
      secret: { name: comunidad-realm, key: smtp-port }
    COMUNIDAD_MAIL_FROM:
      secret: { name: comunidad-realm, key: mail-from }
    COMUNIDAD_SMTP_SSL:
      secret: { name: comunidad-realm, key: smtp-ssl }
    COMUNIDAD_SMTP_STARTTLS:
      secret: { name: comunidad-realm, key: smtp-starttls }
    COMUNIDAD_SMTP_AUTH:
      secret: { name: comunidad-realm, key: smtp-auth }
    COMUNIDAD_SMTP_USER:
      secret: { name: comunidad-realm, key: smtp-user }
    COMUNIDAD_SMTP_PASSWORD:
      secret: { name: comunidad-realm, key: smtp-password }
  realm:
YAML
sed 's/^/    /' "$realm"
