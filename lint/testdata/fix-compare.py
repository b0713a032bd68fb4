#!/usr/bin/env python3
# Compare the findings before and after lint --fix on a corpus copy: which went, which are new.
import json, collections, re, sys
for v in ['v1.0', 'beta']:
    b = json.load(open('/tmp/fc_%s_before.json' % v))['findings']
    a = json.load(open('/tmp/fc_%s_after.json' % v))['findings']
    key = lambda f: (f['file'], f['rule'], f['message'])
    B = collections.Counter(map(key, b)); A = collections.Counter(map(key, a))
    gone, new = B - A, A - B
    fixable = collections.Counter(key(f) for f in b if 'fix' in f)
    print('==', v, 'before', len(b), 'after', len(a), 'gone', sum(gone.values()), 'new', sum(new.values()),
          'with a fix before', sum(fixable.values()))
    print(' gone per rule', dict(collections.Counter(k[1] for k in gone.elements())))
    print(' fixable before, per rule', dict(collections.Counter(k[1] for k in fixable.elements())))
    print(' fixable but not gone', list((fixable - gone).elements())[:10])
    notfix = gone - fixable
    print(' gone without a fix of their own', sum(notfix.values()), dict(collections.Counter(k[1] for k in notfix.elements())))
    for k in notfix.elements(): print('   -', k[0], k[1], k[2][:140])
    # new findings: the same finding with other numbers in its message (a body's byte count) is not new
    norm = lambda k: (k[0], k[1], re.sub(r'\d+', 'N', k[2]))
    gn = collections.Counter(norm(k) for k in gone.elements())
    gl = collections.Counter((k[0], k[1], k[2].lower()) for k in gone.elements())
    for k in new.elements():
        tag = 'NEW'
        if gn[norm(k)] > 0: tag = 'same site, other numbers'
        elif gl[(k[0], k[1], k[2].lower())] > 0: tag = 'same finding, name as the fix wrote it'
        print('   +', tag, k[0], k[1], k[2][:140])
