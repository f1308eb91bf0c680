"""Use cases: each public function is one unit of work on a ``Store`` (a data file or a server).

Plain Python with no Qt: the screens and the command line both call these, never the ORM.
Results are frozen dataclasses, so nothing handed out can touch the database later.
"""
