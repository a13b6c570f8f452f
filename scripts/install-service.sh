#!/usr/bin/env bash
# Installs EdgePose as a systemd service: publishes `edgepose` self-contained into /opt/edgepose, creates the
# system user edgepose (groups video and render), puts the configuration in /etc/edgepose/ (an existing one is
# kept) and state in /var/lib/edgepose/ (engines, the MQTT spool), installs deploy/systemd/edgepose.service and
# enables it. Idempotent: run it again after an update.
#
#   sudo scripts/install-service.sh [--rid linux-arm64] [--model FILE] [--no-start]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
RID="linux-$(uname -m | sed 's/x86_64/x64/; s/aarch64/arm64/')"
MODEL=""
START=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rid) RID="${2:?--rid needs a runtime id, e.g. linux-arm64}"; shift 2 ;;
    --model) MODEL="${2:-}"; [[ -n "$MODEL" ]] || { echo "error: --model needs a file" >&2; exit 2; }; shift 2 ;;
    --no-start) START=0; shift ;;
    *) echo "error: unknown option '$1' (--rid RID, --model FILE, --no-start)" >&2; exit 2 ;;
  esac
done
[[ -z "$MODEL" || -f "$MODEL" ]] || { echo "error: model not found: $MODEL" >&2; exit 2; }
[[ $EUID -eq 0 ]] || { echo "error: run as root (sudo scripts/install-service.sh): it creates a system user and writes /opt, /etc and /var/lib" >&2; exit 2; }
command -v systemctl >/dev/null || { echo "error: systemctl not found: this machine does not run systemd" >&2; exit 2; }

dotnet publish "$ROOT/src/EdgePose.Host" -c Release -r "$RID" --self-contained -o /opt/edgepose -nologo -v:quiet
systemd-analyze verify "$ROOT/deploy/systemd/edgepose.service" 2>&1 | grep -v 'edgepose: command not found\|/opt/edgepose/edgepose' || true

getent group edgepose >/dev/null || groupadd --system edgepose
id edgepose >/dev/null 2>&1 || useradd --system --gid edgepose --home-dir /var/lib/edgepose --shell /usr/sbin/nologin edgepose
for g in video render; do getent group "$g" >/dev/null && usermod -aG "$g" edgepose; done

install -d -m 0755 /etc/edgepose
install -d -m 0750 -o edgepose -g edgepose /var/lib/edgepose
# The model keeps its kind (.onnx, .engine, .plan); an engine's sidecar (plan + ".json", from build-engine) goes with it.
MODEL_PATH=/var/lib/edgepose/model.onnx
if [[ -n "$MODEL" ]]; then
  MODEL_PATH="/var/lib/edgepose/model.${MODEL##*.}"
  install -m 0644 -o edgepose -g edgepose "$MODEL" "$MODEL_PATH"
  [[ -f "$MODEL.json" ]] && install -m 0644 -o edgepose -g edgepose "$MODEL.json" "$MODEL_PATH.json"
fi
if [[ ! -f /etc/edgepose/edgepose.json ]]; then
  cat > /etc/edgepose/edgepose.json <<JSON
{
  // Every key: config/edgepose.example.jsonc. Edit, then: sudo systemctl restart edgepose
  "Model": { "Path": "$MODEL_PATH" },
  "Sources": [ { "Id": "cam1", "Uri": "test://ball" } ],
  "Outputs": { "Mqtt": { "Broker": "mqtt://127.0.0.1:1883", "Spool": true } }
}
JSON
fi
# The password file LoadCredential= reads: empty until the user writes one (root only).
[[ -f /etc/edgepose/mqtt-password ]] || install -m 0600 /dev/null /etc/edgepose/mqtt-password

install -m 0644 "$ROOT/deploy/systemd/edgepose.service" /etc/systemd/system/edgepose.service
systemctl daemon-reload
systemctl enable edgepose.service
if [[ $START -eq 1 ]]; then systemctl restart edgepose.service; systemctl --no-pager status edgepose.service || true; fi
echo "installed: /opt/edgepose, /etc/edgepose/edgepose.json, /var/lib/edgepose; journalctl -u edgepose -f to follow"
