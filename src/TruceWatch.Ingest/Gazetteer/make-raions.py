#!/usr/bin/env python3
"""Rebuilds raions.csv from the OCHA raion list in data/ukraine-gazetteer/raions_ocha_cod.csv.

Usage: python3 make-raions.py data/ukraine-gazetteer/raions_ocha_cod.csv > src/TruceWatch.Ingest/Gazetteer/raions.csv (from the repository root)
OCHA's oblast P-codes (UA01, UA44, UA73, UA80, UA85) differ from ISO 3166-2 for Crimea, Luhansk, Chernivtsi, Kyiv and
Sevastopol; every other oblast's digits are the same. The centre of each raion (the town it is named after, as sources
write "Kryvyi Rih Raion") is added by hand below: it is not in the source.
"""
import csv
import sys

ISO = {"UA01": "UA-43", "UA44": "UA-09", "UA73": "UA-77", "UA80": "UA-30", "UA85": "UA-40"}

CENTRES = {
    "Bakhchysaraiskyi": "Bakhchysarai", "Bilohirskyi": "Bilohirsk", "Dzhankoiskyi": "Dzhankoi", "Feodosiiskyi": "Feodosiia",
    "Kerchynskyi": "Kerch", "Krasnohvardiiskyi": "Krasnohvardiiske", "Krasnoperekopskyi": "Krasnoperekopsk",
    "Simferopolskyi": "Simferopol", "Yaltynskyi": "Yalta", "Yevpatoriiskyi": "Yevpatoriia",
    "Cherkaskyi": "Cherkasy", "Umanskyi": "Uman", "Zolotoniskyi": "Zolotonosha", "Zvenyhorodskyi": "Zvenyhorodka",
    "Chernihivskyi": "Chernihiv", "Koriukivskyi": "Koriukivka", "Nizhynskyi": "Nizhyn", "Novhorod-Siverskyi": "Novhorod-Siverskyi",
    "Prylutskyi": "Pryluky", "Chernivetskyi": "Chernivtsi", "Dnistrovskyi": "Kelmentsi", "Vyzhnytskyi": "Vyzhnytsia",
    "Dniprovskyi": "Dnipro", "Kamianskyi": "Kamianske", "Kryvorizkyi": "Kryvyi Rih", "Nikopolskyi": "Nikopol",
    "Novomoskovskyi": "Novomoskovsk", "Pavlohradskyi": "Pavlohrad", "Synelnykivskyi": "Synelnykove",
    "Bakhmutskyi": "Bakhmut", "Donetskyi": "Donetsk", "Horlivskyi": "Horlivka", "Kalmiuskyi": "Kalmiuske",
    "Kramatorskyi": "Kramatorsk", "Mariupolskyi": "Mariupol", "Pokrovskyi": "Pokrovsk", "Volnovaskyi": "Volnovakha",
    "Ivano-Frankivskyi": "Ivano-Frankivsk", "Kaluskyi": "Kalush", "Kolomyiskyi": "Kolomyia", "Kosivskyi": "Kosiv",
    "Nadvirnianskyi": "Nadvirna", "Verkhovynskyi": "Verkhovyna",
    "Bohodukhivskyi": "Bohodukhiv", "Chuhuivskyi": "Chuhuiv", "Iziumskyi": "Izium", "Kharkivskyi": "Kharkiv",
    "Krasnohradskyi": "Krasnohrad", "Kupianskyi": "Kupiansk", "Lozivskyi": "Lozova",
    "Beryslavskyi": "Beryslav", "Henicheskyi": "Henichesk", "Kakhovskyi": "Kakhovka", "Khersonskyi": "Kherson", "Skadovskyi": "Skadovsk",
    "Kamianets-Podilskyi": "Kamianets-Podilskyi", "Khmelnytskyi": "Khmelnytskyi", "Shepetivskyi": "Shepetivka",
    "Holovanivskyi": "Holovanivsk", "Kropyvnytskyi": "Kropyvnytskyi", "Novoukrainskyi": "Novoukrainka", "Oleksandriiskyi": "Oleksandriia",
    "Bilotserkivskyi": "Bila Tserkva", "Boryspilskyi": "Boryspil", "Brovarskyi": "Brovary", "Buchanskyi": "Bucha",
    "Fastivskyi": "Fastiv", "Obukhivskyi": "Obukhiv", "Vyshhorodskyi": "Vyshhorod",
    "Alchevskyi": "Alchevsk", "Dovzhanskyi": "Dovzhansk", "Luhanskyi": "Luhansk", "Rovenkivskyi": "Rovenky",
    "Shchastynskyi": "Shchastia", "Sievierodonetskyi": "Sievierodonetsk", "Starobilskyi": "Starobilsk", "Svativskyi": "Svatove",
    "Chervonohradskyi": "Chervonohrad", "Drohobytskyi": "Drohobych", "Lvivskyi": "Lviv", "Sambirskyi": "Sambir",
    "Stryiskyi": "Stryi", "Yavorivskyi": "Yavoriv", "Zolochivskyi": "Zolochiv",
    "Bashtanskyi": "Bashtanka", "Mykolaivskyi": "Mykolaiv", "Pervomaiskyi": "Pervomaisk", "Voznesenskyi": "Voznesensk",
    "Berezivskyi": "Berezivka", "Bilhorod-Dnistrovskyi": "Bilhorod-Dnistrovskyi", "Bolhradskyi": "Bolhrad", "Izmailskyi": "Izmail",
    "Odeskyi": "Odesa", "Podilskyi": "Podilsk", "Rozdilnianskyi": "Rozdilna",
    "Kremenchutskyi": "Kremenchuk", "Lubenskyi": "Lubny", "Myrhorodskyi": "Myrhorod", "Poltavskyi": "Poltava",
    "Dubenskyi": "Dubno", "Rivnenskyi": "Rivne", "Sarnenskyi": "Sarny", "Varaskyi": "Varash",
    "Konotopskyi": "Konotop", "Okhtyrskyi": "Okhtyrka", "Romenskyi": "Romny", "Shostkynskyi": "Shostka", "Sumskyi": "Sumy",
    "Chortkivskyi": "Chortkiv", "Kremenetskyi": "Kremenets", "Ternopilskyi": "Ternopil",
    "Haisynskyi": "Haisyn", "Khmilnytskyi": "Khmilnyk", "Mohyliv-Podilskyi": "Mohyliv-Podilskyi", "Tulchynskyi": "Tulchyn",
    "Vinnytskyi": "Vinnytsia", "Zhmerynskyi": "Zhmerynka",
    "Kamin-Kashyrskyi": "Kamin-Kashyrskyi", "Kovelskyi": "Kovel", "Lutskyi": "Lutsk", "Volodymyrskyi": "Volodymyr",
    "Berehivskyi": "Berehove", "Khustskyi": "Khust", "Mukachivskyi": "Mukachevo", "Rakhivskyi": "Rakhiv", "Tiachivskyi": "Tiachiv",
    "Uzhhorodskyi": "Uzhhorod",
    "Berdianskyi": "Berdiansk", "Melitopolskyi": "Melitopol", "Polohivskyi": "Polohy", "Vasylivskyi": "Vasylivka", "Zaporizkyi": "Zaporizhzhia",
    "Berdychivskyi": "Berdychiv", "Korostenskyi": "Korosten", "Zhytomyrskyi": "Zhytomyr", "Zviahelskyi": "Zviahel",
}

# Names in use before the 2024 renaming law, or common since: sources write both.
RENAMED = {"Novomoskovskyi": "Samarivskyi|Samar", "Chervonohradskyi": "Sheptytskyi|Sheptytskyi", "Krasnohradskyi": "Berestynskyi|Berestyn",
           "Zviahelskyi": "Novohrad-Volynskyi|Novohrad-Volynskyi"}

out = csv.writer(sys.stdout, lineterminator="\n")
print("code,oblast,name_en,name_uk,name_ru,lat,lon,centre,aliases")
print("# Raions of Ukraine (the 2020 division), from OCHA COD-AB P-codes and centroids (CC BY-IGO) via DRC-UA infoportal-common,")
print("# file data/ukraine-gazetteer/raions_ocha_cod.csv. Generated by make-raions.py; centres and renamings added by hand.")
for row in csv.DictReader(open(sys.argv[1], encoding="utf-8")):
    if row["parent"] in ("UA80", "UA85"):
        continue  # Kyiv and Sevastopol cities: first-level regions already, their "raion" is the city.
    oblast = ISO.get(row["parent"], "UA-" + row["parent"][2:])
    en = row["en"]
    centre = CENTRES.get(en, "")
    aliases = RENAMED.get(en, "")
    out.writerow([row["iso"], oblast, en, row["ua"], row["ru"], f"{float(row['lat_centroid']):.5f}", f"{float(row['lon_centroid']):.5f}", centre, aliases])
