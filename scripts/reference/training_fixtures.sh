#!/bin/sh
# Writes test/fixtures/training/<id>.torch.json: what PyTorch (float64, torch.autograd) computes when it replays
# the training figures of test/fixtures/training/c.json, for test/kinds/training.test.ts on machines without torch.
# Run from the repository, after npm run build, with a Python that has torch (Debian: apt-get install python3-torch):
#     sh scripts/reference/training_fixtures.sh
set -e
out=$(mktemp -d)
node bin/actfig.js build --config test/fixtures/training/c.json --out "$out" >/dev/null
for id in moons regression; do
  /usr/bin/python3 scripts/replay-training.py "$out/$id.training.json" --write "test/fixtures/training/$id.torch.json"
done
rm -rf "$out"
