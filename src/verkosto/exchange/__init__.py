"""Exchange with other open-government tools: Popolo JSON and FollowTheMoney entities.

``records``, ``popolo`` and ``ftm`` are pure conversions with no Django import; the
selectors read the registry into records, the importers write records back through the
registry's services, and ``tasks`` runs an uploaded import in the background.
"""
