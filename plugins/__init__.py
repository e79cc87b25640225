"""newsingest's built-in outlet plugins.

Installed as the package ``newsingest_plugins`` and registered through the
``newsingest.plugins`` entry-point group, the same way a third-party plugin is.
"""
