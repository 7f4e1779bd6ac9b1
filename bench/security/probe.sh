#!/usr/bin/env bash
# Repeats the robustness probe's checks against a running CodeDesk (default http://localhost:8080):
# Tomcat's own 400 pages carry the security headers and no version; out-of-range paging is not a 500.
# Usage: bench/security/probe.sh [host] [port]
set -u
host=${1:-localhost}
port=${2:-8080}
fail=0

raw() { # sends a raw request, prints the response head and body
  exec 3<>"/dev/tcp/$host/$port" || return 1
  printf '%b' "$1" >&3
  timeout 10 cat <&3
  exec 3<&-
}

check_400() {
  local name=$1 request=$2 reply
  reply=$(raw "$request")
  for header in Content-Security-Policy X-Content-Type-Options X-Frame-Options Referrer-Policy; do
    if ! grep -qi "^$header:" <<<"$reply"; then echo "FAIL $name: no $header"; fail=1; fi
  done
  if ! head -1 <<<"$reply" | grep -q ' 400'; then echo "FAIL $name: $(head -1 <<<"$reply")"; fail=1; fi
  if grep -qi 'tomcat\|^server:' <<<"$reply"; then echo "FAIL $name: names the server"; fail=1; fi
  echo "checked $name"
}

check_400 "invalid character in the request line" 'GET /a{b HTTP/1.1\r\nHost: localhost\r\n\r\n'
check_400 "malformed header" 'GET / HTTP/1.1\r\nHost: localhost\r\nNo colon here\r\n\r\n'
check_400 "bad percent-encoding" 'GET /%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n'

for url in "/jobs?page=2147483647" "/api/v1/jobs?page=2147483647" "/jobs?page=abc" "/api/v1/search?q=heart&limit=2147483647"; do
  status=$(curl -s -o /dev/null -w '%{http_code}' "http://$host:$port$url")
  if [ "$status" -ge 500 ]; then echo "FAIL $url: $status"; fail=1; else echo "checked $url: $status"; fi
done

[ $fail -eq 0 ] && echo "all checks passed"
exit $fail
