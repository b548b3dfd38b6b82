#!/bin/bash
# Ready means: /health/ready answers 200 AND lists the application's own check named "relais".
# Payara Micro reports UP with an empty list of checks when the deployment failed, so the status
# alone would lie. Called from the container itself (loopback, no proxy header), it gets the whole
# answer: callers from elsewhere get the status only (fr.relais.health.EndpointFilter). Plain bash (/dev/tcp) because the base image (Azul Zulu JDK on Ubuntu) ships
# neither curl nor wget, and a JVM per probe would be heavy.
set -eu

exec 3<>"/dev/tcp/127.0.0.1/${RELAIS_PORT:-8080}"
printf 'GET /health/ready HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&3
response=$(timeout 5 cat <&3)
exec 3<&-

case "${response}" in
    "HTTP/1."[01]" 200"*'"relais"'*) exit 0 ;;
    *) exit 1 ;;
esac
