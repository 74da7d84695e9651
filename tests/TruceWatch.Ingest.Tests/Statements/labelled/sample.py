# Draws the posts of the labelled evaluation set (docs/extraction.md). Run from the repository root:
#   python3 tests/TruceWatch.Ingest.Tests/Statements/labelled/sample.py
# Python's random with the fixed seed 20250318 (the day of the energy moratorium), rows in file order.
# Russian MoD (data/russia-mod-statements/mod_russia_clean.csv): 30 posts drawn from those whose snippet names air defence
# (ПВО or противовоздушн), 10 from all the others, so both interception reports and other posts are well represented.
# Ukrainian Air Force (data/ua-airforce-statements/statements_uk.csv): 40 posts drawn from all rows.
# The texts were then read and labelled by hand; this script only chooses them.
import csv, random, re
random.seed(20250318)
mod = list(csv.DictReader(open('data/russia-mod-statements/mod_russia_clean.csv', encoding='utf-8')))
air = [r for r in mod if re.search('ПВО|противовоздушн', r['text_snippet'])]
other = [r for r in mod if not re.search('ПВО|противовоздушн', r['text_snippet'])]
for r in random.sample(air, 30) + random.sample(other, 10):
    print('ru', r['datetime'])
ua = list(csv.DictReader(open('data/ua-airforce-statements/statements_uk.csv', encoding='utf-8')))
for r in random.sample(ua, 40):
    print('uk', r['telegram_msg_id'])
