"""Development simulator: a fake eHerkenning broker. Off unless MIJNDUO_EHERKENNING_SIMULATOR=1."""
