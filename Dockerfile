# The web service of docker-compose.yml: gunicorn serving the archive.
FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
# OCR of scanned records: tesseract and its data for the six languages.
RUN apt-get update && apt-get install -y --no-install-recommends tesseract-ocr tesseract-ocr-fra tesseract-ocr-spa \
    tesseract-ocr-rus tesseract-ocr-chi-sim tesseract-ocr-ara && rm -rf /var/lib/apt/lists/*
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
RUN DJANGO_SECRET_KEY=build-only python manage.py collectstatic --noinput --verbosity 0
RUN useradd --system --home /app archive && mkdir -p /app/media /app/search-index && chown archive /app/media /app/search-index
USER archive
EXPOSE 8000
# The sample record is not loaded here: `docker-compose run web python manage.py load_sample` does it once.
CMD ["sh", "-c", "python manage.py migrate --noinput && python manage.py search_index --catch-up && exec gunicorn archive.wsgi --bind 0.0.0.0:8000 --workers ${GUNICORN_WORKERS:-2} --worker-class gthread --threads ${GUNICORN_THREADS:-4} --access-logfile -"]
