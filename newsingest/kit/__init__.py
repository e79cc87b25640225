"""The plugin kit: scaffold a new outlet plugin, and check one against its fixtures."""

from newsingest.kit.check import render_report, run_check
from newsingest.kit.scaffold import ScaffoldResult, scaffold_plugin

__all__ = ["ScaffoldResult", "render_report", "run_check", "scaffold_plugin"]
