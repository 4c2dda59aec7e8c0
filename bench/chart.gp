# Time against N, log-log, one line per approach, from the files bench/analyze.py writes.
# scripts/bench runs it as:
#   gnuplot -e "datadir='OUT/chart-data'; outbase='OUT/chart'" bench/chart.gp
# and gets OUT/chart.png and OUT/chart.svg.

load datadir.'/series.gp'

# Fixed colours so an approach looks the same in both panels and in both files.
set linetype 1 lc rgb "#1f77b4" lw 2 pt 7 ps 0.8
set linetype 2 lc rgb "#ff7f0e" lw 2 pt 5 ps 0.8
set linetype 3 lc rgb "#2ca02c" lw 2 pt 9 ps 0.9
set linetype 4 lc rgb "#000000" lw 2 pt 13 ps 0.9
set linetype 5 lc rgb "#d62728" lw 2 pt 7 ps 0.8
set linetype 6 lc rgb "#9467bd" lw 2 pt 5 ps 0.8
set linetype 7 lc rgb "#8c564b" lw 2 pt 9 ps 0.9
set linetype 8 lc rgb "#e377c2" lw 2 pt 11 ps 0.9
set linetype 9 lc rgb "#17becf" lw 2 pt 13 ps 0.9
set linetype 10 lc rgb "#bcbd22" lw 2 pt 11 ps 0.9

set logscale xy
set format x "10^{%L}"
set format y "10^{%L}"
set grid xtics ytics mxtics mytics lc rgb "#dddddd"
set key outside below center horizontal maxcols 4 Left reverse font ",10"
set bmargin 7
set autoscale xfix
set offsets graph 0.03, graph 0.03, 0, 0
set xlabel "N (random integers summed)"
set ylabel "seconds"

name(i) = word(approaches, i)
measured(i) = datadir.'/'.name(i).'.dat'
guessed(i) = datadir.'/'.name(i).'.extrapolated.dat'

do for [format in "png svg"] {
    if (format eq "png") {
        set terminal pngcairo size 1600,760 enhanced font "sans,11"
    } else {
        set terminal svg size 1600,760 enhanced font "sans,11" background "white"
    }
    set output outbase.'.'.format
    set multiplot layout 1,2 title sprintf("randsum vs the classic approaches: time vs N (log-log; fastest of %s run(s) per point; dashed with open points: extrapolated)", reps)

    set title "Whole-run wall time (process start to exit)"
    plot for [i=1:words(approaches)] measured(i) using 1:2 with linespoints lt i title name(i), \
         for [j in extrapolated] guessed(int(j)) using 1:2 with linespoints lt int(j) dt 2 pt 6 notitle

    set title "Compute time vs N (as reported by each program)"
    plot for [i=1:words(approaches)] measured(i) using 1:3 with linespoints lt i title name(i), \
         for [j in extrapolated] guessed(int(j)) using 1:3 with linespoints lt int(j) dt 2 pt 6 notitle

    unset multiplot
    set output
}
