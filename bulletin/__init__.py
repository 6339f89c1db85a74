"""The buurtbulletin: what the platform knows about a buurt this week and next, on one printed page.

It stands alone because it reads news, initiatives and meeting places to make one printed page
(HTML and PDF) for notice boards and for residents who are not online; neighbourhoods must not
import it. Its sub-URLs under the buurt and city pages are registered in BulletinConfig.ready().
"""
