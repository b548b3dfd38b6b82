#!/bin/sh
# Starts Relais on Payara Micro exactly as web/src/test/java/fr/relais/launcher/RelaisServer.java
# does: the WAR at context root /, the JDBC driver given with --addlibs (Payara does not find it in
# WEB-INF/lib), UTC. Settings come from the environment and are read by MicroProfile Config:
# RELAIS_DB_URL, RELAIS_DB_USER, RELAIS_DB_PASSWORD, RELAIS_DEMO.
#   JVM_ARGS   heap and other JVM options (image default: -Xmx512m, as measured)
#   JVM_ROUTE  optional; becomes -DjvmRoute, which Payara appends to the session id
#              (JSESSIONID=<id>.<route>) so the load balancer can keep a session on its instance
# Arguments (the image's CMD: the clustering options) are passed on to Payara Micro.
set -eu

: "${RELAIS_DB_URL:?must be set, e.g. jdbc:mariadb://db:3306/relais}"

# shellcheck disable=SC2086 # JVM_ARGS holds several options: splitting it is intended
exec java \
    -Duser.timezone=UTC \
    -Dfile.encoding=UTF-8 \
    ${JVM_ARGS:-} \
    ${JVM_ROUTE:+"-DjvmRoute=${JVM_ROUTE}"} \
    -jar /opt/payara/payara-micro.jar \
    --disablephonehome \
    --addlibs /opt/payara/lib/mariadb-java-client.jar \
    --port 8080 \
    --contextroot / \
    --deploy /opt/payara/deployments/relais.war \
    "$@"
