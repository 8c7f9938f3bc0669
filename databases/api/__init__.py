"""The public, read-only API under /api/v1/ (Django REST framework, drf-spectacular).

Its serializers are the one definition of a record's public fields: the bulk downloads
(databases/open_data.py) write the same fields, flattened for CSV and XLSX.
"""
