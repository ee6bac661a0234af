#!/usr/bin/env python3
"""Runs the OpenSPF RFC 7208 test suite (rfc7208-tests.yml) against `smtp-trainer spf check`.

By hand, not in CI: the suite is not in this repository (BSD-licensed, it ships in pyspf's
source distribution). Get it and run:

    pip download pyspf --no-deps --no-binary :all: -d /tmp/pyspf && tar xzf /tmp/pyspf/pyspf-*.tar.gz -C /tmp/pyspf
    cargo build && python3 scripts/spf-suite.py /tmp/pyspf/pyspf-*/test/rfc7208-tests.yml

Each scenario's zone data becomes a records file (docs/message-auth.md); SPF-type records
stand for TXT where a name has none (as pyspf's own harness does), TIMEOUT becomes TEMPFAIL.
What a records file cannot say is skipped and named in the output: CNAME and PTR records,
TXT strings with a line break, names with spaces, a timeout of one record type only (or
after a name's records, which the suite's harness applies to the other types).
Needs PyYAML. Prints `agreed/total` and every disagreement with what was skipped.
"""
import json
import subprocess
import sys
import tempfile

import yaml

BINARY = 'target/debug/smtp-trainer'


def quote(text):
    if isinstance(text, bytes):
        text = text.decode('utf-8', 'replace')
    return '"' + text.replace('\\', '\\\\').replace('"', '\\"') + '"'


def zone_text(zonedata):
    lines, skipped = [], set()
    for name, records in (zonedata or {}).items():
        if ' ' in name:
            skipped.add('name with a space')
            continue
        has_txt = any(isinstance(r, dict) and 'TXT' in r for r in records)
        for n, record in enumerate(records):
            if record == 'TIMEOUT':
                if n > 0:
                    skipped.add('timeout after records')
                lines.append(f'{name} TEMPFAIL')
                continue
            (rtype, value), = record.items()
            if value == 'TIMEOUT':
                lines.append(f'{name} TEMPFAIL')
                skipped.add('timeout of one type')
                continue
            if value in ('NONE', ['NONE']):
                continue
            if rtype == 'SPF':
                if has_txt:
                    continue
                rtype = 'TXT'
            if rtype == 'TXT':
                strings = value if isinstance(value, list) else [value]
                if any('\n' in s for s in strings):
                    skipped.add('line break in TXT')
                    continue
                lines.append(f'{name} TXT ' + ' '.join(quote(s) for s in strings))
            elif rtype in ('A', 'AAAA'):
                lines.append(f'{name} {rtype} {value}')
            elif rtype == 'MX':
                lines.append(f'{name} MX {value[0]} {value[1] or "."}')
            else:
                skipped.add(rtype)
    return '\n'.join(lines) + '\n', skipped


def main(path):
    total = agreed = 0
    disagreements = []
    with tempfile.NamedTemporaryFile('w', suffix='.txt') as zone:
        for scenario in yaml.safe_load_all(open(path, encoding='utf-8')):
            text, skipped = zone_text(scenario.get('zonedata'))
            zone.seek(0)
            zone.truncate()
            zone.write(text)
            zone.flush()
            for name, test in scenario['tests'].items():
                total += 1
                want = test['result'] if isinstance(test['result'], list) else [test['result']]
                run = subprocess.run(
                    [BINARY, 'spf', 'check', '--ip', test['host'], '--mail-from', test.get('mailfrom', ''),
                     '--helo', test.get('helo', ''), '--records', zone.name, '--json'],
                    capture_output=True, text=True)
                got = json.loads(run.stdout)['result'] if run.returncode != 2 else 'usage: ' + run.stderr.strip()
                if got in want:
                    agreed += 1
                else:
                    disagreements.append(f'{name}: suite {"/".join(want)}, trainer {got}; skipped: {", ".join(sorted(skipped)) or "nothing"}')
    print(f'{agreed}/{total} agree')
    for line in disagreements:
        print('  ' + line)


if __name__ == '__main__':
    main(sys.argv[1])
