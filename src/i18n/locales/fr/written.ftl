# Les dates et heures telles que les pages les écrivent.

written-date = { $day ->
        [1] 1er
       *[other] { $day }
    } { $month ->
        [1] janvier
        [2] février
        [3] mars
        [4] avril
        [5] mai
        [6] juin
        [7] juillet
        [8] août
        [9] septembre
        [10] octobre
        [11] novembre
       *[12] décembre
    } { $year }
written-moment = { $date } à { $hour } h { $minute } UTC
written-period = du { $from } au { $to }
# Un pourcentage entier, une fois son nombre écrit : « 27 % ».
written-percent = { $number } %
written-kilobytes = { $number } Ko
written-megabytes = { $number } Mo
