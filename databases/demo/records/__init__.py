"""How each of the five kinds of demo record is composed from the phrase banks.

Each module's ``build(generator)`` returns one record as (column values, {many-to-many
relation: [target ids]}, what the generator remembers of it for the records made later).
"""
