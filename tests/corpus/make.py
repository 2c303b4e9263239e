#!/usr/bin/env python3
"""Makes the office-file corpus: task lists and card exports as county, town and village offices save them.

Workbooks (.xlsx, .xls, .ods) are typed as a clerk types them (numbers typed into the ID column, merged village
and group cells, a sheet per village after an instructions sheet, title and footer rows) in a flat ODF sheet and
saved by LibreOffice (headless). CSV and TXT files are written byte for byte as Excel on Chinese Windows writes
them (GBK "CSV(逗号分隔)", "CSV UTF-8" with BOM, "Unicode 文本" UTF-16LE tab-separated, GBK tab-separated text).
manifest.json says, for each file, what the importer must store, or that it must refuse the file, and which
numbers must never be stored. Needs Debian libreoffice-calc; run: python3 tests/corpus/make.py
"""
import datetime, json, os, shutil, subprocess, sys, tempfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "files")
WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
SURNAMES = "王李张刘陈杨黄赵周吴徐孙胡朱高林何郭马罗"
GIVEN = ["建国", "秀英", "桂兰", "志强", "红梅", "伟", "芳", "丽", "军", "勇", "敏", "静", "磊", "洋", "艳", "杰"]


def check_char(first17):
    return "10X98765432"[sum(int(c) * w for c, w in zip(first17, WEIGHTS)) % 11]


def luhn_ok(digits):
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def id_for(i):
    birth = datetime.date(1950, 1, 1) + datetime.timedelta(days=i * 7)
    first17 = "430626" + birth.strftime("%Y%m%d") + "%03d" % (i % 900 + 100)
    return first17 + check_char(first17)


def card_for(i, prefix="621799", length=19):
    body = prefix + str(700000 + i).rjust(length - 1 - len(prefix), "0")
    return next(body + d for d in "0123456789" if luhn_ok(body + d))


def social_card_for(i):
    return "A" + str(10000000 + i)  # 社会保障卡卡号: nine characters


def excel15(digits):
    """What Excel keeps of a long number typed into a number cell: 15 significant digits, then zeros."""
    return digits[:15] + "0" * (len(digits) - 15)


VILLAGES = ["迎丰社区", "三合村", "曙辉村"]


def person(i, village=None):
    village = village or VILLAGES[i % len(VILLAGES)]
    group = ["第一", "第二", "第三"][i // 3 % 3] + ("居民小组" if village.endswith("社区") else "村民小组")
    name = SURNAMES[i % 20] + GIVEN[i // 20 % 16]
    return {"name": name, "id": id_for(i), "card": card_for(i), "village": village, "group": group,
            "phone": "139%08d" % i, "address": f"{village}{group}{i % 50 + 1}号"}


HEADER = ["序号", "姓名", "身份证号码", "社保卡银行卡号", "户口地址", "联系电话", "居民小组", "村(社区)"]


def task_row(n, p, name=None, id_cell=None, card_cell=None):
    return [str(n), name or p["name"], id_cell or p["id"], card_cell or p["card"], p["address"], p["phone"], p["group"], p["village"]]


def stored(p, **over):
    d = {k: p[k] for k in ("name", "id", "card", "village", "group")}
    d.update(over)
    return d


# ---- flat ODF spreadsheet, saved by LibreOffice ------------------------------------------------------------

class Num:
    """A number typed into a cell (the cell holds a double, as in a sheet whose column was not set to text)."""
    def __init__(self, digits): self.digits = digits


class Merge:
    """A cell merged down over `rows` rows, as clerks merge 村(社区) and 居民小组 over a block of people."""
    def __init__(self, text, rows): self.text, self.rows = text, rows


COVERED = object()


def fods(sheets):
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
           'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
           'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
           'office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">',
           '<office:body><office:spreadsheet>']
    for name, rows in sheets:
        # Merged cells cover the cells below them.
        grid = [list(r) for r in rows]
        for r, row in enumerate(grid):
            for c, cell in enumerate(row):
                if isinstance(cell, Merge):
                    for k in range(1, cell.rows):
                        below = grid[r + k]
                        while len(below) <= c:
                            below.append(None)
                        below[c] = COVERED
        out.append(f'<table:table table:name="{escape(name)}">')
        for row in grid:
            out.append("<table:table-row>")
            for cell in row:
                if cell is COVERED:
                    out.append("<table:covered-table-cell/>")
                elif cell is None or cell == "":
                    out.append("<table:table-cell/>")
                elif isinstance(cell, Num):
                    out.append(f'<table:table-cell office:value-type="float" office:value="{cell.digits}"><text:p>{cell.digits}</text:p></table:table-cell>')
                elif isinstance(cell, Merge):
                    out.append(f'<table:table-cell table:number-rows-spanned="{cell.rows}" office:value-type="string"><text:p>{escape(cell.text)}</text:p></table:table-cell>')
                else:
                    out.append(f'<table:table-cell office:value-type="string"><text:p>{escape(cell)}</text:p></table:table-cell>')
            out.append("</table:table-row>")
        out.append("</table:table>")
    out.append("</office:spreadsheet></office:body></office:document>")
    return "\n".join(out)


FILTERS = {"xlsx": "xlsx:Calc Office Open XML", "xls": "xls:MS Excel 97", "ods": "ods"}


def workbook(stem, sheets, formats=("xlsx", "xls", "ods")):
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, stem + ".fods")
        with open(src, "w", encoding="utf-8") as f:
            f.write(fods(sheets))
        for fmt in formats:
            subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to",
                            FILTERS[fmt], "--outdir", OUT, src], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return [f"{stem}.{fmt}" for fmt in formats]


# ---- text files as Excel writes them ------------------------------------------------------------------------

def excel_text(rows, sep):
    def field(s):
        s = "" if s is None else str(s)
        return '"' + s.replace('"', '""') + '"' if any(ch in s for ch in (sep, '"', "\r", "\n")) else s
    return "".join(sep.join(field(c) for c in r) + "\r\n" for r in rows)


def text_file(name, rows, encoding, sep=",", bom=b""):
    data = excel_text(rows, sep).encode(encoding, errors="replace")  # Excel writes ? for what the code page lacks
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(bom + data)
    return name


# ---- the corpus -----------------------------------------------------------------------------------------------

def main():
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    os.makedirs(OUT)
    manifest = []

    def add(files, kind, expect, **more):
        for f in files if isinstance(files, list) else [files]:
            manifest.append({"file": f, "importer": kind, "expect": expect, **more})

    base = 0

    def people(n, village=None):
        nonlocal base
        ps = [person(base + k, village) for k in range(n)]
        base += n
        return ps

    def next_person(shape):
        """The next person whose first 15 digits + shape make a valid ID (a real number ending in 000, or a cut one that passes)."""
        nonlocal base
        while check_char(id_for(base)[:15] + shape[:2]) != shape[2]:
            base += 1
        p = person(base)
        base += 1
        return p

    def ods(files):
        """LibreOffice's own format is refused with what to do; the .xlsx and .xls of the same sheet are read."""
        return [f for f in files if not f.endswith(".ods")], [f for f in files if f.endswith(".ods")]

    # 1. A sheet per village after an instructions sheet; title rows, merged 村(社区) and 居民小组, padded
    #    two-character names, footer rows, a blank row inside the data.
    sheets = [("填表说明", [["填表说明"], ["1. 身份证号码、银行卡号列请设置为文本格式。"], ["2. 每个村(社区)一个工作表。"]])]
    expected = []
    for village in VILLAGES:
        ps = people(6, village)
        rows = [[f"梅田湖镇{village}社会保障卡专项清查任务清单"], ["填报单位:" + village, "", "", "", "", "", "", ""], HEADER]
        for k, p in enumerate(ps):
            p["group"] = "第一村民小组" if k < 3 else "第二村民小组"
            name = p["name"]
            if len(name) == 2:
                name = name[0] + ("\u3000" if k % 2 else " ") + name[1]  # lined up as clerks do
            row = task_row(k + 1, p, name=name)
            row[6] = Merge(p["group"], 3) if k % 3 == 0 else None
            row[7] = Merge(village, 6) if k == 0 else None
            rows.append(row)
            expected.append(stored(p))
        rows += [[], ["合计", "6 人"], ["制表人:李红梅", "", "审核人:张伟", "", "填表日期:2021年6月10日"]]
        sheets.append((village, rows))
    read, refused = ods(workbook("per-village-sheets", sheets))
    add(read, "tasks", "stored", stored=expected, rejected=0, notes=["填表说明", "工作表“迎丰社区”", "合计"])
    add(refused, "tasks", "refused", message="另存为 .xlsx")

    # 2. ID and card columns typed as numbers: Excel and Calc keep 15 significant digits. Refused whole.
    ps = people(8)
    rows = [HEADER] + [[str(k + 1), p["name"], Num(p["id"][:17] if p["id"].endswith("X") else p["id"]), Num(p["card"]),
                        p["address"], Num(p["phone"]), p["group"], p["village"]] for k, p in enumerate(ps)]
    read, refused = ods(workbook("numbers-typed", [("Sheet1", rows)]))
    add(read, "tasks", "refused", message="文本", forbidden=[excel15(p["id"]) for p in ps] + [excel15(p["card"]) for p in ps])
    add(refused, "tasks", "refused", message="另存为 .xlsx")

    # 3. The same sheet saved by Excel as "CSV(逗号分隔)" with the columns in the "0" number format (GBK).
    ps = people(8)
    rows = [HEADER] + [task_row(k + 1, p, id_cell=excel15(p["id"]), card_cell=excel15(p["card"])) for k, p in enumerate(ps)]
    add(text_file("numbers-format0.csv", rows, "gbk"), "tasks", "refused", message="文本",
        forbidden=[excel15(p["id"]) for p in ps] + [excel15(p["card"]) for p in ps])

    # 4. ... and in the General format: 4.30626E+17.
    ps = people(5)
    rows = [HEADER] + [task_row(k + 1, p, id_cell="{:.5E}".format(float(p["id"][:17] + "0")),
                                card_cell="{:.5E}".format(float(p["card"]))) for k, p in enumerate(ps)]
    add(text_file("numbers-general.csv", rows, "gbk"), "tasks", "refused", message="文本")

    # 5. A few rows pasted as numbers into an otherwise good CSV; one damaged ID happens to pass the check digit.
    ps = people(10)
    unlucky = next_person("000")
    damaged = [ps[2], ps[5], unlucky]
    rows = [HEADER] + [task_row(n + 1, p, id_cell=excel15(p["id"]) if p in damaged else None,
                                card_cell=excel15(p["card"]) if p in damaged[:2] else None) for n, p in enumerate(ps + [unlucky])]
    add(text_file("some-rows-damaged.csv", rows, "gbk"), "tasks", "stored",
        stored=[stored(p) for p in ps if p not in damaged], rejected=3, reasons="Excel", never_say="校验位",
        forbidden=[excel15(p["id"]) for p in damaged] + [excel15(p["card"]) for p in damaged[:2]])

    # 6. Card-system exports that guard long numbers: ="…", a leading ', a leading tab (UTF-8 with BOM).
    ps = people(6)
    guards = [lambda s: f'="{s}"', lambda s: "'" + s, lambda s: "\t" + s]
    rows = [HEADER] + [task_row(n + 1, p, id_cell=guards[n % 3](p["id"]), card_cell=guards[(n + 1) % 3](p["card"])) for n, p in enumerate(ps)]
    add(text_file("guarded-numbers.csv", rows, "utf-8", bom=b"\xef\xbb\xbf"), "tasks", "stored", stored=[stored(p) for p in ps], rejected=0)

    # 7. Excel's "Unicode 文本": UTF-16LE with BOM, tab-separated.
    ps = people(6)
    add(text_file("unicode-text.txt", [HEADER] + [task_row(n + 1, p) for n, p in enumerate(ps)], "utf-16-le", "\t", b"\xff\xfe"),
        "tasks", "stored", stored=[stored(p) for p in ps], rejected=0)

    # 8. "文本文件(制表符分隔)": GBK, tab-separated.
    ps = people(6)
    add(text_file("gbk-tab.txt", [HEADER] + [task_row(n + 1, p) for n, p in enumerate(ps)], "gbk", "\t"),
        "tasks", "stored", stored=[stored(p) for p in ps], rejected=0)

    # 9. GBK CSV where a rare character became ?; UTF-8 CSV without BOM keeps it.
    ps = people(5)
    rare = dict(ps[1])
    rare["name"] = rare["name"][0] + "䶮"  # not in GBK
    rows = [HEADER] + [task_row(n + 1, p) for n, p in enumerate([ps[0], rare] + ps[2:])]
    add(text_file("gbk-rare-character.csv", rows, "gbk"), "tasks", "stored",
        stored=[stored(p) for p in [ps[0]] + ps[2:]], rejected=1)
    ps = people(3)
    ps[0]["name"] = ps[0]["name"][0] + "䶮"
    add(text_file("utf8-rare-character.csv", [HEADER] + [task_row(n + 1, p) for n, p in enumerate(ps)], "utf-8"),
        "tasks", "stored", stored=[stored(p) for p in ps], rejected=0)

    # 10. The downloaded template filled in below its example row; footers and a legitimately 000-ending ID typed as text.
    ps = people(4)
    real000 = next_person("000")
    real000["id"] = real000["id"][:15] + "000"
    example = ["1", "张三", "11010519491231002X", "6228480402564890018", "梅田湖镇迎丰社区第一居民小组 8 号", "13800000000", "第一居民小组", "迎丰社区"]
    rows = [HEADER + ["乡镇(街道)"], example + ["梅田湖镇"]] + [task_row(n + 2, p) + ["梅田湖镇"] for n, p in enumerate(ps + [real000])] + [["合计", "5"], ["填表人:", "", "审核人:"]]
    add(workbook("template-filled", [("清查任务数据", rows)], ("xlsx",)), "tasks", "stored",
        stored=[stored(p) for p in ps + [real000]], rejected=0, notes=["示例"])
    # A real number ending in 000 in a CSV with no cut number beside it is kept.
    real000 = next_person("000")
    real000["id"] = real000["id"][:15] + "000"
    ps = people(3) + [real000]
    rows = [HEADER] + [task_row(n + 1, p) for n, p in enumerate(ps)]
    add(text_file("csv-ending-000.csv", rows, "gbk"), "tasks", "stored", stored=[stored(p) for p in ps], rejected=0)

    # WPS 表格 (.et) is BIFF like .xls: read by what it holds, not by its name.
    ps = people(3)
    [xls] = workbook("wps-table", [("Sheet1", [HEADER] + [task_row(n + 1, p) for n, p in enumerate(ps)])], ("xls",))
    os.replace(os.path.join(OUT, xls), os.path.join(OUT, "wps-table.et"))
    add("wps-table.et", "tasks", "stored", stored=[stored(p) for p in ps], rejected=0)

    # 11. A card-system export with both 社保卡号 and 银行卡号 (card register).
    ps = people(6)
    header = ["序号", "姓名", "性别", "身份证号", "社保卡号", "银行卡号", "发卡银行", "所属村", "卡状态", "存放地点"]
    rows = [["梅田湖镇社会保障卡制卡数据"], header] + [[str(n + 1), p["name"], "男", p["id"], social_card_for(base + n), p["card"], "中国农业银行", p["village"], "库存", "村"]
                                                   for n, p in enumerate(ps)]
    add(workbook("card-system-export", [("制卡数据", rows)], ("xlsx", "xls")), "cards", "stored",
        stored=[stored(p, group=None, socialCard=social_card_for(base + n)) for n, p in enumerate(ps)], rejected=0)
    base += len(ps)

    # A bank CSV whose one card fails its Luhn digit: registered, with the reason to check it on the card.
    ps = people(3)
    bad = ps[1]["card"][:-1] + str((int(ps[1]["card"][-1]) + 1) % 10)
    rows = [["姓名", "身份证号码", "社保卡银行卡号", "合作银行", "村(社区)"]] + [[p["name"], p["id"], bad if p is ps[1] else p["card"], "农业银行", p["village"]] for p in ps]
    ps[1]["card"] = bad
    add(text_file("bank-export-luhn.csv", rows, "utf-8", bom=b"\xef\xbb\xbf"), "cards", "stored",
        stored=[stored(p, group=None, socialCard=None) for p in ps], rejected=0, notes=["第 3 行需核对", "银行卡号校验位不符"])

    # Only a 社保卡号 column: clerks call the bank number that; nine-character card numbers there are refused.
    ps = people(3)
    rows = [["姓名", "身份证号码", "社保卡号", "村(社区)"]] + [[p["name"], p["id"], p["card"], p["village"]] for p in ps]
    add(text_file("only-social-card-column.csv", rows, "gbk"), "tasks", "stored", stored=[stored(p, group=None) for p in ps], rejected=0)
    ps = people(2)
    rows = [["姓名", "身份证号码", "社保卡号", "合作银行", "村(社区)"]] + [[p["name"], p["id"], social_card_for(base + n), "农业银行", p["village"]] for n, p in enumerate(ps)]
    add(text_file("card-numbers-only.csv", rows, "gbk"), "cards", "stored", stored=[], rejected=2, reasons="社会保障卡卡号")

    # 12. A bank export whose card column was typed as numbers: refused whole.
    ps = people(5)
    rows = [["姓名", "身份证号码", "社保卡银行卡号", "合作银行", "村(社区)"]] + [[p["name"], p["id"], Num(p["card"]), "农业银行", p["village"]] for p in ps]
    add(workbook("card-numbers-typed", [("Sheet1", rows)], ("xlsx",)), "cards", "refused", message="文本",
        forbidden=[excel15(p["card"]) for p in ps])

    # 13. A GBK bank CSV in the "0" format: the 19-digit card numbers end in 0000. Refused whole.
    ps = people(5)
    rows = [["姓名", "身份证号码", "银行卡号", "开户银行", "村(社区)"]] + [[p["name"], p["id"], excel15(p["card"]), "邮政银行", p["village"]] for p in ps]
    add(text_file("card-numbers-format0.csv", rows, "gbk"), "cards", "refused", message="文本",
        forbidden=[excel15(p["card"]) for p in ps])

    # 14. 应发尽发: the prefecture's comparison list (数据比对名单) of people without a card, as LibreOffice saves it: a
    #     title row, the prefecture's own headers (公民身份号码, 所属村, 比对情况), one 制卡失败 without its reason (refused).
    ps = people(6)
    header = ["序号", "姓名", "公民身份号码", "所属村", "比对情况", "制卡失败原因"]
    rows = [["梅田湖镇未持卡人员数据比对名单"], header]
    for n, p in enumerate(ps):
        result, reason = [("无制卡信息", ""), ("制卡失败", "无公安照片"), ("", "")][n % 3]
        if n == 4:
            result, reason = "制卡失败", ""
        rows.append([str(n + 1), p["name"], p["id"], p["village"], result, reason])
    add(workbook("comparison-list", [("比对名单", rows)], ("xlsx", "xls")), "comparison", "stored",
        stored=[stored(p, card="", group=None) for n, p in enumerate(ps) if n != 4], rejected=1, reasons="失败原因")
    # ... and as a GBK CSV whose ID column was typed as numbers: refused whole, nothing stored.
    ps = people(5)
    rows = [["姓名", "身份证号码", "村(社区)", "比对结果"]] + [[p["name"], excel15(p["id"]), p["village"], "无制卡信息"] for p in ps]
    add(text_file("comparison-numbers-format0.csv", rows, "gbk"), "comparison", "refused", message="文本",
        forbidden=[excel15(p["id"]) for p in ps])

    with open(os.path.join(HERE, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, ensure_ascii=False, indent=1)
    print(f"{len(manifest)} files in {OUT}")


if __name__ == "__main__":
    sys.exit(main())
