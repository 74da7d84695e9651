# Draws the posts of the held-out evaluation set (docs/extraction.md, "Held-out set"). Run from the repository root:
#   python3 tests/TruceWatch.Ingest.Tests/Statements/labelled/sample-heldout.py
# Python's random with the fixed seed 20261125 (the day the set was drawn), rows in file order, the 80 posts of the first set
# (ru-mod.json, ua-airforce.json) left out so no post is in both sets. Same strata as sample.py:
# Russian MoD (data/russia-mod-statements/mod_russia_clean.csv): 30 posts drawn from those whose snippet names air defence
# (ПВО or противовоздушн), 10 from all the others.
# Ukrainian Air Force (data/ua-airforce-statements/statements_uk.csv): 40 posts drawn from all rows.
# The texts were then read and labelled by hand (heldout-ru-mod.json, heldout-ua-airforce.json) before the extractor was run on them.
import csv, json, random, re
random.seed(20261125)
here = 'tests/TruceWatch.Ingest.Tests/Statements/labelled/'
used_ru = {p['id'] for p in json.load(open(here + 'ru-mod.json', encoding='utf-8'))['posts']}
used_ua = {p['id'] for p in json.load(open(here + 'ua-airforce.json', encoding='utf-8'))['posts']}
mod = list(csv.DictReader(open('data/russia-mod-statements/mod_russia_clean.csv', encoding='utf-8')))
mod = [r for r in mod if r['datetime'] not in used_ru]
air = [r for r in mod if re.search('ПВО|противовоздушн', r['text_snippet'])]
other = [r for r in mod if not re.search('ПВО|противовоздушн', r['text_snippet'])]
for r in random.sample(air, 30) + random.sample(other, 10):
    print('ru', r['datetime'])
ua = list(csv.DictReader(open('data/ua-airforce-statements/statements_uk.csv', encoding='utf-8')))
ua = [r for r in ua if r['telegram_msg_id'] not in used_ua]
for r in random.sample(ua, 40):
    print('uk', r['telegram_msg_id'])
