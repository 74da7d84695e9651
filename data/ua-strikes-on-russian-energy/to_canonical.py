#!/usr/bin/env python3
"""Converts data_master.json (a compilation of Ukrainian strikes on Russian energy sites) into TruceWatch's canonical
report CSV. Run from this folder: python3 to_canonical.py > reports.csv. The mapping is documented in SOURCE.md."""
import csv, hashlib, json, sys

TARGETS = {
    "Refineries": "energy.oil.refinery",
    "Fuel_Depots": "energy.oil.depot",
    "Substations": "energy.grid.substation",
    "Defense_Facilities": "military.defence-industry",
}

def target(row):
    category, kind = row["category"], (row.get("type") or "").lower()
    if category == "Power_Plants":
        return "energy.generation.nuclear" if "nuclear" in kind else "energy.generation.thermal" if "thermal" in kind else "energy.generation"
    if category == "Ports":
        return "energy.oil.terminal" if "oil" in kind else "civilian.transport.port"
    return TARGETS[category]

def means(row):
    attack = (row.get("attack_type") or "Drone attack").lower()
    return "drone.long-range" if attack == "drone attack" else ""

out = csv.writer(sys.stdout, lineterminator="\n")
out.writerow("source,source_record_id,reported_at,start_time,end_time,perpetrator,domain,means,weapon,launched,intercepted,hits,country,admin1,place,lat,lon,target,killed,injured,description".split(","))
for row in json.load(open("data_master.json", encoding="utf-8")):
    location = " ".join(row["location"].split())
    region = row.get("region") or ""
    crimea = region in ("Crimea", "Sevastopol")
    lat, lon = row["coordinates"] if row.get("coordinates") else ("", "")
    record = hashlib.sha256(f'{row["date"]}|{location}|{row.get("damage") or ""}'.encode()).hexdigest()[:12]
    damage = " ".join((row.get("damage") or "").split())
    status = row.get("status") or ""
    out.writerow(["ua-strikes-compilation", f'{row["date"]}-{record}', "", row["date"], "", "UA", "air", means(row),
                  "", "", "", "", "UA" if crimea else "RU", region, location, lat, lon, target(row), "", "",
                  f"{row['category'].replace('_', ' ')}: {damage}" + (f" ({status})" if status else "")])
