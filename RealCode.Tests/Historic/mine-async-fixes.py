#!/usr/bin/env python3
# Finds candidate blocking-bug fixes between two versions of a package's repository (Historic/bugs.tsv, docs/accuracy.md):
# in one diff hunk, a call `X(` removed and `await …XAsync(` added, where the removed line sat in an `async` method or
# lambda of the old version. Run inside a clone (the search tool's fetch): mine-async-fixes.py OLD_TAG NEW_TAG [PATH…]
# Every hit still has to be read: twins moved around and new async overloads beside sync ones look the same.
import sys,re,subprocess
a,b=sys.argv[1],sys.argv[2]; paths = sys.argv[3:] or ["src/"]
d=subprocess.run(['git','diff','-U0',a,b,'--']+paths,capture_output=True,text=True).stdout
cache={}
def old(f):
    if f not in cache: cache[f]=subprocess.run(['git','show',f'{a}:{f}'],capture_output=True,text=True).stdout.splitlines()
    return cache[f]
decl=re.compile(r'^\s*(public|private|protected|internal|static|override|virtual|async|sealed)[^;=]*\(')
def enclosing(f,ln):
    L=old(f)
    for i in range(ln-1,max(0,ln-200),-1):
        s=L[i]
        if re.search(r'\basync\b.*=>|\basync\s*\(',s) and not decl.match(s): return 'LAMBDA '+s.strip()[:120]
        if decl.match(s) and not s.strip().startswith('//'): return s.strip()[:140]
    return '?'
f=None; hunk=[]; oldln=0
def flush():
    plus=[l[1] for l in hunk if l[0]=='+']
    minus=[(l[1],l[2]) for l in hunk if l[0]=='-']
    for p in plus:
        for m in re.finditer(r'await\s+[\w\.\(\)_\[\]\?]*?\.?(\w+)Async\(',p):
            name=m.group(1)
            for q,ln in minus:
                if re.search(r'\b'+name+r'\(',q) and 'await' not in q:
                    e=enclosing(f,ln)
                    if 'async' in e or 'Async' in e:
                        print(f"{f}:{ln}  in: {e}\n  - {q.strip()[:140]}\n  + {p.strip()[:140]}")
                    return
for l in d.splitlines():
    if l.startswith('+++ '): f=l[6:]
    elif l.startswith('--- '): pass
    elif l.startswith('@@'):
        flush(); hunk=[]
        m=re.match(r'@@ -(\d+)',l); oldln=int(m.group(1))
    elif l[:1]=='-': hunk.append(('-',l[1:],oldln)); oldln+=1
    elif l[:1]=='+': hunk.append(('+',l[1:],0))
flush()
