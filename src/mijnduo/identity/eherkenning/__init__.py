"""eHerkenning login: the service provider (SP) side, on django-digid-eherkenning."""
