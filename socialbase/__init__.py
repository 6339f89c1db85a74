"""The social-base dashboard ("Sociale basis"): what each buurt offers beside its own figures.

It stands alone because it reads every content app (meeting places, initiatives, news,
notifications) and serves only municipality staff (Moderatoren). `neighbourhoods` is the ground
floor and must not import it; this app imports the others, never the other way round.
"""
