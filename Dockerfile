FROM python:3.13-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
COPY pyproject.toml README.md ./
# /media: the media volume's mount point, which a new volume copies with its owner.
RUN pip install --no-cache-dir . && useradd --create-home platform \
    && mkdir /media && chown platform /media
COPY . .
RUN DJANGO_SECRET_KEY=build-only python manage.py collectstatic --noinput
USER platform
EXPOSE 8000
CMD ["gunicorn", "platform_site.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
