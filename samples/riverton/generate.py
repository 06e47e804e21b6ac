#!/usr/bin/env python3
"""Generates the Riverton sample workspace's import files (deterministic: same output every run).

Riverton is a fictional city. Vendor, contract and device data are invented; the life-cycle dates of
the device models named after real products (Cisco IOS XE, FortiOS, PAN-OS, OpenWrt, Raspberry Pi,
Windows Embedded) are copied from endoflife.date (MIT licence) as of 2026-08-22, with the source
named in each *_source column. Run: python3 samples/riverton/generate.py
"""
import csv, os, random

random.seed(20261122)
here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "import")
EOL = "endoflife.date"

vendors = [
    ("V-001", "Lumen Streetlights Ltd", "Street lighting", "high"),
    ("V-002", "Northgate Networks", "Network equipment", "critical"),
    ("V-003", "Civic Cloud Services", "Cloud hosting", "critical"),
    ("V-004", "Aurora Traffic Systems", "Traffic signals", "critical"),
    ("V-005", "Harbourview CCTV", "Video surveillance", "high"),
    ("V-006", "Riverbend Water Telemetry", "Water sensors", "high"),
    ("V-007", "Müller Verkehrstechnik GmbH", "Traffic sensors", "medium"),
    ("V-008", "Fortress Perimeter Security", "Firewalls", "critical"),
    ("V-009", "Paloma Secure Gateways", "Firewalls", "critical"),
    ("V-010", "OpenMesh Community Wireless", "Public Wi-Fi", "medium"),
    ("V-011", "Kestrel Parking Solutions", "Smart parking", "medium"),
    ("V-012", "Greenleaf Air Quality", "Environmental sensors", "medium"),
    ("V-013", "Bluewave Transit Displays", "Passenger information", "medium"),
    ("V-014", "Ironbridge Building Controls", "Building management", "high"),
    ("V-015", "Summit Emergency Dispatch", "Emergency dispatch software", "critical"),
    ("V-016", "Lakeside Meter Data", "Smart meters", "high"),
    ("V-017", "Pinecrest GIS", "Mapping software", "low"),
    ("V-018", "Łódź Smart Grid Sp. z o.o.", "Grid monitoring", "high"),
    ("V-019", "Beacon Kiosk Company", "Public kiosks", "low"),
    ("V-020", "Stonegate Data Centre", "Colocation", "high"),
    ("V-021", "Copperline Fibre", "Fibre backbone", "critical"),
    ("V-022", "Tidewater Flood Sensors", "Flood warning", "high"),
    ("V-023", "Meridian Identity Services", "Identity and access", "high"),
    ("V-024", "Orchard Waste Logistics", "Waste bin sensors", "low"),
    ("V-025", "Quarry Hill Radio", "Radio network", "high"),
]

# id, vendor, model, category, end_of_sale, eos_src, end_of_support, sup_src, end_of_security, sec_src, unit_cost
models = [
    ("M-01", "V-002", "Cisco IOS XE 17.15 edge router", "Router", "", "", "2027-02-09", f"{EOL}/cisco-ios-xe 17.15 (eoas, Maintenance Support)", "2028-08-09", f"{EOL}/cisco-ios-xe 17.15 (eol, Security Support)", "6400"),
    ("M-02", "V-002", "Cisco IOS XE 17.14 access switch", "Switch", "", "", "2025-04-13", f"{EOL}/cisco-ios-xe 17.14 (eoas)", "2025-04-13", f"{EOL}/cisco-ios-xe 17.14 (eol)", "3200"),
    ("M-03", "V-008", "FortiOS 7.2 firewall", "Firewall", "", "", "2025-03-31", f"{EOL}/fortios 7.2 (eoas, End of Engineering Support)", "2026-09-30", f"{EOL}/fortios 7.2 (eol, End of Support)", "5200"),
    ("M-04", "V-008", "FortiOS 7.4 firewall", "Firewall", "", "", "2027-05-11", f"{EOL}/fortios 7.4 (eoas)", "2028-11-11", f"{EOL}/fortios 7.4 (eol)", "5600"),
    ("M-05", "V-009", "PAN-OS 10.2 gateway", "Firewall", "", "", "2025-08-27", f"{EOL}/pan-os 10.2 (eol, End-of-life Date)", "2025-08-27", f"{EOL}/pan-os 10.2 (eol)", "7100"),
    ("M-06", "V-009", "PAN-OS 11.1 gateway", "Firewall", "", "", "2027-05-03", f"{EOL}/pan-os 11.1 (eol)", "2027-05-03", f"{EOL}/pan-os 11.1 (eol)", "7300"),
    ("M-07", "V-010", "OpenWrt 23.05 mesh node", "Wi-Fi access point", "", "", "2025-02-04", f"{EOL}/openwrt 23.05 (eoas)", "2025-08-16", f"{EOL}/openwrt 23.05 (eol)", "240"),
    ("M-08", "V-010", "OpenWrt 24.10 mesh node", "Wi-Fi access point", "", "", "2026-03-05", f"{EOL}/openwrt 24.10 (eoas)", "2026-09-05", f"{EOL}/openwrt 24.10 (eol)", "260"),
    ("M-09", "V-012", "Raspberry Pi 4 air-quality station", "Environmental sensor", "2034-01-01", f"{EOL}/raspberry-pi 4 (eol, Discontinued)", "", "", "", "", "310"),
    ("M-10", "V-019", "Windows Embedded POSReady 7 kiosk", "Kiosk", "", "", "2016-10-11", f"{EOL}/windows-embedded posready-7 (eoas)", "2021-10-12", f"{EOL}/windows-embedded posready-7 (eol)", "1900"),
    ("M-11", "V-013", "Windows Embedded Compact 2013 display", "Passenger display", "", "", "2018-10-09", f"{EOL}/windows-embedded compact-2013 (eoas)", "2023-10-10", f"{EOL}/windows-embedded compact-2013 (eol)", "2600"),
    ("M-12", "V-001", "LX-200 streetlight controller", "Streetlight controller", "2025-12-31", "Lumen product bulletin PB-2025-04", "2029-12-31", "Lumen product bulletin PB-2025-04", "2028-06-30", "Lumen product bulletin PB-2025-04", "180"),
    ("M-13", "V-001", "LX-300 streetlight controller", "Streetlight controller", "", "", "2034-12-31", "Lumen contract C-001 annex B", "2033-12-31", "Lumen contract C-001 annex B", "210"),
    ("M-14", "V-005", "HV-4K dome camera", "Camera", "2026-06-30", "Harbourview notice 2026-01", "2027-06-30", "Harbourview notice 2026-01", "2027-06-30", "Harbourview notice 2026-01", "890"),
    ("M-15", "V-005", "HV-8K bullet camera", "Camera", "", "", "", "", "", "", "1150"),
    ("M-16", "V-004", "ATS-9 signal controller", "Traffic signal controller", "", "", "2031-03-31", "Aurora lifecycle letter 2024", "2030-03-31", "Aurora lifecycle letter 2024", "8400"),
    ("M-17", "V-006", "RW-LoRa level sensor", "Water sensor", "", "", "", "", "", "", "150"),
    ("M-18", "V-011", "KP-2 parking bay sensor", "Parking sensor", "2024-12-31", "Kestrel EoS notice", "2027-12-31", "Kestrel EoS notice", "2026-12-31", "Kestrel EoS notice", "95"),
    ("M-19", "V-022", "TF-1 flood gauge", "Flood sensor", "", "", "2032-06-30", "Tidewater datasheet rev C", "2032-06-30", "Tidewater datasheet rev C", "1300"),
    ("M-20", "V-016", "LMD-3 smart meter gateway", "Meter gateway", "", "", "2028-03-31", "Lakeside support policy 2025", "2027-09-30", "Lakeside support policy 2025", "420"),
]

contract_types = ["Supply and maintenance", "Managed service", "Software licence and support", "Cloud service", "Maintenance"]
contracts = []
n = 0
for i, (vid, name, category, crit) in enumerate(vendors):
    for k in range(2 if i % 3 else 3):
        n += 1
        cid = f"C-{n:03d}"
        start_year = 2019 + (n * 7) % 7
        month = 1 + (n * 5) % 12
        renewal = ["automatic", "automatic", "express", "none"][n % 4]
        term = [36, 48, 60, 24][n % 4]
        status = "active" if n % 11 else "expired"
        notice = [30, 60, 90, 180][n % 4]
        value = 20000 + (n * 7919) % 900000
        covers = ";".join(m[0] for m in models if m[1] == vid) or category
        docs = f"documents/{cid}.txt"
        contracts.append((cid, vid, f"RIV-{start_year}-{n:03d}", contract_types[n % len(contract_types)],
                          f"{start_year}-{month:02d}-01", term, renewal, 12 if renewal == "automatic" else 0, notice,
                          status, value, "USD", covers, docs))

districts = ["Harbour", "Old Town", "Riverside", "Northfield", "Eastgate", "Millbrook", "Westport", "Hillcrest"]
streets = ["Main St", "River Rd", "Station Ave", "Market Sq", "Harbour Way", "Mill Ln", "Park Blvd", "Bridge St", "Oak Ave", "Elm St"]
weights = {"M-12": 1500, "M-13": 900, "M-14": 420, "M-15": 260, "M-18": 700, "M-09": 180, "M-07": 160, "M-08": 140,
           "M-17": 220, "M-19": 40, "M-20": 260, "M-16": 95, "M-01": 24, "M-02": 60, "M-03": 12, "M-04": 10,
           "M-05": 8, "M-06": 6, "M-10": 25, "M-11": 35}
model_vendor = {m[0]: m[1] for m in models}
active_by_vendor = {}
for c in contracts:
    if c[9] == "active":
        active_by_vendor.setdefault(c[1], c[0])
devices = []
d = 0
for mid, count in weights.items():
    for j in range(count):
        d += 1
        year = 2016 + (d * 13) % 9
        life = [8, 10, 12, 15][(d + j) % 4]
        replacement = f"{year + life - 1}-06-30" if d % 17 == 0 else ""
        contract = active_by_vendor.get(model_vendor[mid], "") if d % 23 else ""
        devices.append((f"D-{d:05d}", mid, f"{random.choice(streets)} {random.randint(1, 240)}", random.choice(districts),
                        f"{year}-{1 + d % 12:02d}-{1 + d % 28:02d}" if d % 97 else "", life,
                        f"{1 + d % 5}.{d % 10}.{d % 7}", ["low", "medium", "high", "critical"][d % 4], contract, replacement))

clauses = [
    ("C-007", "Penetration Test Rights", "waived", "Vendor hosts no city data; annual SOC 2 report accepted instead", "", ""),
    ("C-013", "Breach Notification", "present", "", "documents/C-013.txt", "Schedule 4, 4.2"),
    ("C-016", "Security Incident Response 24x7", "missing", "", "", ""),
]

def write(name, header, rows):
    with open(os.path.join(here, name), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)

write("vendors.csv", ["id", "name", "category", "criticality", "contact_name", "contact_role", "contact_email", "contact_phone"],
      [(v[0], v[1], v[2], v[3], f"Security desk {v[0][-3:]}", "Security contact",
        "security@" + v[1].split()[0].lower().replace("ł", "l").replace("ü", "u") + ".example", f"+1 555 01{i:02d}")
       for i, v in enumerate(vendors)])
write("device-models.csv", ["id", "vendor_id", "model", "category", "end_of_sale", "end_of_sale_source", "end_of_support",
                            "end_of_support_source", "end_of_security_updates", "end_of_security_updates_source", "verified", "unit_cost"],
      [m[:10] + ("2026-08-22" if EOL in "".join(m) else "2026-01-15", m[10]) for m in models])
write("contracts.csv", ["id", "vendor_id", "number", "type", "start", "initial_term_months", "renewal", "renewal_period_months",
                        "notice_days", "status", "value", "currency", "covers", "documents"], contracts)
write("devices.csv", ["id", "model_id", "site", "district", "installed", "service_life_years", "firmware", "criticality",
                      "contract_id", "planned_replacement"], devices)
write("clauses.csv", ["contract_id", "clause_type", "state", "reason", "document", "section"], clauses)
# ---- Contract documents: fictional SLA texts built from clause paragraphs, so each vendor has a profile:
# strong vendors sign every security clause, "slow" ones notify breaches within 7 days, weak ones lack several.
PARAGRAPHS = {
    "audit": "AUDIT. The City, or an auditor it appoints, shall have the right upon thirty (30) days' notice to audit the Supplier's compliance with this Agreement and to inspect its books, records and facilities used to provide the Services.",
    "pentest": "SECURITY TESTING. The City may conduct penetration tests and security assessments of the System once a year and after any major change; the Supplier shall cooperate and remediate the findings.",
    "breach72": "SECURITY INCIDENTS. The Supplier shall notify the City's CERT of any security incident or personal data breach affecting the Services without undue delay and in any event within seventy-two (72) hours of becoming aware of it.",
    "breach7d": "SECURITY INCIDENTS. The Supplier shall report any security incident affecting the Services to the City within seven (7) days of its discovery.",
    "liability": "LIMITATION OF LIABILITY. The Supplier's total aggregate liability under this Agreement shall not exceed two times the fees paid in the twelve (12) months preceding the claim, except for liability arising from gross negligence, wilful misconduct or breach of the data protection obligations, which is unlimited.",
    "insurance": "INSURANCE. The Supplier shall maintain, throughout the Term, professional liability insurance and cyber insurance coverage of at least five million dollars per claim and shall provide certificates of insurance on request.",
    "penalties": "SERVICE CREDITS. If the Supplier fails to meet a service level, the City is entitled to service credits as set out in Schedule 2; repeated failures entitle the City to liquidated damages of one percent of the annual fee per week of non-compliance.",
    "privacy": "DATA PROTECTION. The Supplier shall process personal data only on the City's documented instructions, protect it with appropriate technical and organisational measures and comply with applicable data protection law.",
    "response": "SECURITY OPERATIONS. The Supplier shall operate a security operations centre available 24x7 and shall respond to critical security incidents within four (4) hours, twenty-four hours a day, seven days a week.",
    "patch": "VULNERABILITIES AND PATCHES. The Supplier shall provide security patches for critical vulnerabilities within fourteen (14) days of their disclosure and for other vulnerabilities within ninety (90) days.",
    "updates": "SOFTWARE UPDATES. The Supplier shall provide signed firmware updates and security updates free of charge throughout the support period.",
    "standards": "STANDARDS. The Supplier maintains an information security management system certified to ISO/IEC 27001 and designs its devices to IEC 62443.",
    "warranty": "WARRANTY. The Supplier warrants the Products against defects in materials and workmanship for a period of thirty-six (36) months from acceptance.",
    "support": "LIFE CYCLE. The Supplier shall provide support, spare parts and security updates for each Product for a period of at least seven (7) years after its delivery, and shall give the City twelve (12) months' written notice before the end of sale or end of support of any Product.",
    "exit": "EXIT. Upon termination or expiration of this Agreement the Supplier shall provide transition assistance for up to six (6) months and shall return or destroy all City data.",
}
STRONG = list(PARAGRAPHS.keys() - {"breach7d"})
SLOW = [k for k in STRONG if k != "breach72"] + ["breach7d"]
WEAK = ["liability", "insurance", "warranty", "updates"]
strong_vendors = {"V-003", "V-008", "V-015", "V-021", "V-023"}
slow_vendors = {"V-005", "V-020"}
docdir = os.path.join(os.path.dirname(here), "documents")
os.makedirs(docdir, exist_ok=True)
names = {v[0]: v[1] for v in vendors}
for c in contracts:
    cid, vid = c[0], c[1]
    kinds = STRONG if vid in strong_vendors else SLOW if vid in slow_vendors else WEAK if int(cid[2:]) % 3 else STRONG[:8]
    kinds = sorted(kinds, key=list(PARAGRAPHS).index)
    body = [f"CONTRACT {c[2]}", f"{c[3].upper()} AGREEMENT between the City of Riverton (the \"City\") and {names[vid]} (the \"Supplier\").",
            f"1. TERM. This Agreement commences on {c[4]} for an initial term of {c[5]} months."]
    body += [f"{i + 2}. {PARAGRAPHS[k]}" for i, k in enumerate(kinds)]
    body.append("Signed for the City of Riverton and for the Supplier.")
    with open(os.path.join(docdir, f"{cid}.txt"), "w", encoding="utf-8") as f:
        f.write("\n\n".join(body) + "\n")

print(f"{len(vendors)} vendors, {len(contracts)} contracts, {len(models)} device models, {len(devices)} devices")
