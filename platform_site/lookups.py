"""``in`` lookups on integer columns leave out the values the column cannot hold.

Django does so for ``exact``, ``gt``, ``lt`` and the like (``IntegerFieldOverflow``), but not for
``in``: a form or query string carrying an id beyond 64 bits (``sectors=99999999999999999999``)
then reached SQLite, which cannot bind it, and the page was a server error. A value no row can
have matches no row, as with ``exact``.
"""

from django.db.models import IntegerField
from django.db.models.lookups import In


@IntegerField.register_lookup
class IntegerFieldIn(In):
    def process_rhs(self, compiler, connection):
        if self.rhs_is_direct_value():
            low, high = connection.ops.integer_field_range(
                self.lhs.output_field.get_internal_type()
            )
            self.rhs = [
                value
                for value in self.rhs
                if not isinstance(value, int)
                or ((low is None or value >= low) and (high is None or value <= high))
            ]
        return super().process_rhs(compiler, connection)
