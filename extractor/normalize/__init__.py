"""Normalizers: cell text and indicator values, independent of any PDF code.

  text.py         clean_cell: wrapped lines joined, look-alike ideographs folded (contract: Cell text)
  value.py        parse_value / parse_value_columns / is_unparsed (contract: VALUE)
  comparisons.py  以上/以下/不低于/≥ … read the statutory way
  units.py        known units and their canonical spellings (百分比 -> %, 个百分点 -> 百分点)
  numerals.py     Chinese numerals (三, 九十五, 两万)
  dates.py        dates and ordinals, which are not quantities

Nothing is imported here, so `from extractor.normalize.text import clean_cell` stays cheap.
"""
