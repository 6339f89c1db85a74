# The production image: one image for web (gunicorn), worker and beat.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 DJANGO_SETTINGS_MODULE=tim.settings.production
# libpango + a font: WeasyPrint renders the buurtbulletin PDF.
RUN apt-get update && apt-get install -y --no-install-recommends gettext libpq5 \
    libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --create-home --uid 1000 tim
WORKDIR /app

COPY pyproject.toml ./
RUN pip install --no-cache-dir .
COPY . .
# Build-time only values: the real ones come from the environment when the container runs.
RUN python -m django compilemessages --ignore=.venv --settings=tim.settings.messages \
    && DATABASE_URL=postgres://build@localhost/build REDIS_URL=redis://build:6379/0 \
       EMAIL_URL=smtp://build SECRET_KEY=build-only-not-a-secret-but-long-enough-for-the-check \
       ALLOWED_HOSTS=build python manage.py collectstatic --noinput

USER tim
EXPOSE 8000
CMD ["gunicorn", "tim.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
