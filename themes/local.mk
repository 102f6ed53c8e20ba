# themes: installed to $(pkgdatadir)/themes; tasktop -t NAME finds them.
themesdir = $(pkgdatadir)/themes
dist_themes_DATA = themes/default.theme themes/mono.theme themes/light.theme \
	themes/README
