#!/bin/sh
# Starts Relais on Payara Micro from the launcher's recipe (fr.relais.launcher.MicroRecipe), the one
# the run command and the tests use: it writes the whole java command line as an argument file,
# then this shell is replaced by that one JVM (PID 1 gets the container's signals; no launcher JVM
# stays behind). Application settings come from the environment and are read by MicroProfile
# Config: RELAIS_DB_URL, RELAIS_DB_USER, RELAIS_DB_PASSWORD, RELAIS_DEMO, RELAIS_OPEN_ENDPOINTS.
# The recipe reads:
#   RELAIS_CLUSTER_NAME, RELAIS_CLUSTER_MEMBERS  Hazelcast data grid (e.g. relais, and
#              relais-1:6900,relais-2:6900); without members the instance stays alone (--nocluster)
#   JVM_ARGS   more JVM options, after the recipe's -Xmx512m (so another -Xmx wins)
#   JVM_ROUTE  optional; becomes -DjvmRoute, which Payara appends to the session id
#              (JSESSIONID=<id>.<route>) so the load balancer can keep a session on its instance
#   RELAIS_PORT  HTTP port (8080)
# Arguments (the image's CMD, empty by default) are passed on to Payara Micro.
set -eu

: "${RELAIS_DB_URL:?must be set, e.g. jdbc:mariadb://db:3306/relais}"

work=/tmp/relais
java -Xmx64m -cp /opt/payara/lib/relais-launcher.jar fr.relais.launcher.MicroRecipe \
    /opt/payara/payara-micro.jar \
    /opt/payara/lib/mariadb-java-client.jar \
    /opt/payara/deployments/relais.war \
    "${work}"

exec java "@${work}/java.args" "$@"
