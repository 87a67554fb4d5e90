"""Imported by the batch's fork server before it forks workers: warms up once (word list,
compiled patterns) so that every worker forked from it shares what was loaded."""

from __future__ import annotations

from .batch.worker import warm_up

warm_up()
