#!/usr/bin/env bash
# Spark GPU discovery script (spark.executor.resource.gpu.discoveryScript): prints the GPUs this
# executor may use as {"name": "gpu", "addresses": ["0", ...]}. Honours CUDA_VISIBLE_DEVICES,
# which YARN and Kubernetes set to the devices they allocated; else asks nvidia-smi.
set -euo pipefail
if [[ -n "${CUDA_VISIBLE_DEVICES:-}" ]]; then
  ids="${CUDA_VISIBLE_DEVICES//,/ }"
elif command -v nvidia-smi >/dev/null 2>&1; then
  ids="$(nvidia-smi --query-gpu=index --format=csv,noheader | tr '\n' ' ')"
else
  ids=""
fi
addresses=""
for id in $ids; do
  addresses+="${addresses:+,}\"$id\""
done
echo "{\"name\": \"gpu\", \"addresses\": [$addresses]}"
