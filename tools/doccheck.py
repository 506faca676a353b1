#!/usr/bin/env python3
"""List public items in src/ whose doc comment lacks a summary, an `# Examples` section, a
runnable example (a ``` block rather than "See [...]"), an `# Errors` section (fallible fns),
or an invalid call in the example (fallible fns). Usage: python3 tools/doccheck.py [src_dir]"""
import re, sys, pathlib

ITEM = re.compile(r'^\s*pub\s+(?:const\s+fn|async\s+fn|fn|struct|enum|trait|const|type|static)\s+([A-Za-z_][A-Za-z0-9_]*)')
root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else 'src')
problems = 0
for path in sorted(root.rglob('*.rs')):
    if path.name.endswith('_data.rs'):
        continue
    lines = path.read_text().splitlines()
    in_test = False
    for i, line in enumerate(lines):
        if re.match(r'^\s*#\[cfg\(test\)\]', line):
            in_test = True  # tests are at the bottom of files
        if in_test:
            continue
        m = ITEM.match(line)
        if not m:
            continue
        name = m.group(1)
        kind = re.search(r'pub\s+(?:const\s+)?(\w+)', line).group(1)
        # signature (may span lines) up to '{' or ';'
        sig = ''
        j = i
        while j < len(lines):
            sig += lines[j] + ' '
            if '{' in lines[j] or lines[j].rstrip().endswith(';'):
                break
            j += 1
        # doc block above, skipping attributes
        k = i - 1
        doc = []
        while k >= 0:
            s = lines[k].strip()
            if s.startswith('///'):
                doc.append(s[3:])
            elif s == '' or s.startswith('//') or any(c in s for c in '{};'):
                break
            # otherwise an attribute line (possibly inside a multi-line attribute)
            k -= 1
        doc.reverse()
        text = '\n'.join(doc)
        missing = []
        if not doc or not doc[0].strip():
            missing.append('summary')
        if '# Examples' not in text:
            missing.append('examples')
        elif '```' not in text.split('# Examples', 1)[1]:
            missing.append('runnable-example')
        fallible = kind == 'fn' and re.search(r'->\s*(?:Result|Option<Result)|->\s*Result', sig) is not None
        if fallible:
            if '# Errors' not in text:
                missing.append('errors')
            ex = text.split('# Examples', 1)[1] if '# Examples' in text else ''
            if ex and not re.search(r'is_err|Err\(|unwrap_err|\.err\(\)|expect_err|matches!\(.*Err', ex):
                missing.append('invalid-call')
        if missing:
            problems += 1
            print(f'{path}:{i+1}: {kind} {name}: missing {", ".join(missing)}')
print(f'{problems} items with problems', file=sys.stderr)
