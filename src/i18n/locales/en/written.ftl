# Dates and times as the pages write them.

written-date = { $day } { $month ->
        [1] January
        [2] February
        [3] March
        [4] April
        [5] May
        [6] June
        [7] July
        [8] August
        [9] September
        [10] October
        [11] November
       *[12] December
    } { $year }
written-moment = { $date }, { $time } UTC
written-period = { $from } to { $to }
# A whole percentage, after its number is written: "27%".
written-percent = { $number }%
written-kilobytes = { $number } KB
written-megabytes = { $number } MB
