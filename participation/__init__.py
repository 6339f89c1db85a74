"""Het digitale buurtplein: residents react, launch ideas and answer consultations.

It stands alone because it is the one place where residents write what others read. It brings
its own rules that no content app needs (verified accounts, reports, holds, blocks, rate limits,
one support or answer per account) and its own moderation queue for the municipality. Content
apps do not import it: their templates include its reactions block, and it attaches to any page.
"""
