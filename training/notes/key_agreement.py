#!/usr/bin/python3
"""Agreement of the note-based key with the chroma key over `mer analyze --notes --format json` outputs.

    mkdir -p /tmp/keys && awk -F, '$3=="val"{print $1" "$4}' ../shared/data/4q/labels.csv | \
        xargs -P 2 -L 1 sh -c './mer analyze ../shared/data/4q/$1 --notes --format json > /tmp/keys/$0.json'
    cd /tmp/keys && /usr/bin/python3 <repo>/training/notes/key_agreement.py

Prints how often the two keys are the same, relative, a fifth apart (same mode), parallel, or other.
"""
import json,glob,collections
names=['C','C#','D','D#','E','F','F#','G','G#','A','A#','B']
alias={'Db':'C#','Eb':'D#','Gb':'F#','Ab':'G#','Bb':'A#'}
def pc(t): return names.index(alias.get(t,t))
def relation(a,b):
    ta,ma=pc(a['tonic']),a['mode']; tb,mb=pc(b['tonic']),b['mode']
    if ta==tb and ma==mb: return 'same'
    # relative: major X = minor X-3
    if ma!=mb:
        maj,mnr=(ta,tb) if ma=='major' else (tb,ta)
        if (maj-3)%12==mnr: return 'relative'
        if maj==mnr: return 'parallel'
    if ma==mb and ((ta-tb)%12 in (5,7)): return 'fifth'
    return 'other'
rows=[];missing=collections.Counter()
for f in sorted(glob.glob('*.json')):
    try: d=json.load(open(f))
    except Exception: missing['unreadable']+=1; continue
    k=d.get('tempoAndKey',{})
    c,n=k.get('chromaKey'),k.get('notesKey')
    if not c or not n: missing['chroma' if not c else 'notes']+=1; continue
    rows.append((relation(c,n), c['mode']==n['mode'], c['strength'], n['strength']))
N=len(rows); cnt=collections.Counter(r[0] for r in rows)
print('clips with both keys',N,'missing',dict(missing))
for k in ['same','relative','fifth','parallel','other']: print(k, cnt[k], f"{cnt[k]/N:.3f}")
print('same mode', sum(r[1] for r in rows)/N)
strong=[r for r in rows if r[3]>=0.7 and r[2]>=0.7]; cs=collections.Counter(r[0] for r in strong)
print('both strength>=0.7', len(strong), {k:round(v/len(strong),3) for k,v in cs.items()})
