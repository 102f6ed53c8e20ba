# doc: the man page, installed by make install and shipped by make dist;
# tests/integration/docs_agree.sh checks it with groff -man -ww -z.
dist_man_MANS = doc/tasktop.1
