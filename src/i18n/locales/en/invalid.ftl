# What is wrong with a field of a form, a request or an uploaded file, said after the field's
# name ("title: must not be empty") or beside it on a form.

invalid-empty = must not be empty
invalid-nul = must not contain the NUL character
invalid-too-long = must be at most { $most } characters; this one has { $length }
invalid-search-too-long = must be at most { $most } characters
invalid-url = must be an absolute http or https URL
invalid-report-year = must be a report year between 2000 and 2100
invalid-iati-identifier = must be an IATI organisation identifier such as `GB-COH-01234567`: 3 to 100 letters, digits, `-`, `.`, `_` or `:`
invalid-continues = { $earlier } is not a recommendation to { $country } from before { $year }

## How a list of them is summed up in one sentence

invalid-summary-field = { $field }: { $message }
invalid-summary-row = line { $row }, { $field }: { $message }
invalid-summary-fields = { $count } fields are invalid
invalid-summary-rows = { $count } problems in the file; nothing was imported
invalid-summary-first-rows = { $total } problems in the file (the first { $count } are listed); nothing was imported

## Values that are not one of a list

invalid-one-of = `{ $given }` is not { $choices }
invalid-tier = `{ $given }` is not a tier: use tier_1, tier_2, tier_2_watch_list, tier_3, special_case, the report's wording (Tier 2 Watch List) or research coding (1 to 4)
invalid-json-value = { $detail }

## The rows of an imported file

invalid-missing = is missing
invalid-position = must be a whole number, 1 or more
invalid-continues-id = must be the id (a UUID) of an earlier recommendation
invalid-tier-twice = { $country } already has a tier for { $year } in this file ({ $line ->
        [0] { $item }
       *[other] line { $line }
    })
invalid-position-twice = { $country } already has a recommendation at position { $position } for { $year } in this file ({ $line ->
        [0] { $item }
       *[other] line { $line }
    })
invalid-year-not-the-import = is { $given }, but this import is for { $year }
invalid-year-missing = is missing: a tier history needs a year on every row
invalid-boolean = `{ $given }` is not true or false
invalid-header = the header must name either a `tier` column (a file of tiers) or a `text` column (a file of recommendations)

## Passwords

invalid-password-short = use at least { $least } characters
invalid-password-guessable = this password is too easy to guess{ $warning ->
        [rows-of-keys] : straight rows of keys are easy to guess
        [keyboard-pattern] : short keyboard patterns are easy to guess
        [repeats] : repeats like "aaa" are easy to guess
        [repeated-groups] : repeats like "abcabcabc" are only slightly harder to guess than "abc"
        [top-password] : this is one of the most common passwords
        [common-password] : this is a very common password
        [like-common-password] : this is similar to a commonly used password
        [sequences] : sequences like abc or 6543 are easy to guess
        [recent-years] : recent years are easy to guess
        [one-word] : a word by itself is easy to guess
        [dates] : dates are often easy to guess
        [names] : names and surnames by themselves are easy to guess
        [common-names] : common names and surnames are easy to guess
       *[none] {""}
    }{ $suggestion ->
        [few-words] ; use a few words, avoid common phrases
        [no-symbols-needed] ; no need for symbols, digits, or uppercase letters
        [another-word] ; add another word or two, uncommon words are better
        [capitals] ; capitalization doesn't help very much
        [all-capitals] ; all-uppercase is almost as easy to guess as all-lowercase
        [reversed] ; reversed words aren't much harder to guess
        [substitutions] ; predictable substitutions like '@' instead of 'a' don't help very much
        [longer-pattern] ; use a longer keyboard pattern with more turns
        [avoid-repeats] ; avoid repeated words and characters
        [avoid-sequences] ; avoid sequences
        [avoid-recent-years] ; avoid recent years
        [avoid-your-years] ; avoid years that are associated with you
        [avoid-your-dates] ; avoid dates and years that are associated with you
       *[none] {""}
    } (a few unrelated words make a good one)

## Use cases' rules

invalid-position-at-least-one = must be 1 or more
invalid-no-report = there is no report for { $year }; record the report year first
invalid-people-reached = must be a count between 0 and 2147483647
invalid-ends-before-start = must not be before the start date
invalid-no-country = must name at least one country
invalid-editor-key-organisation = an editor key must name the organisation whose work it may change
invalid-key-role-above-yours = your own role is { $role }: a key of yours can have that role or a lesser one
invalid-not-current-password = is not your current password
invalid-same-password = must differ from your current password
invalid-invited-by-hand = an account becomes invited only through an invitation
invalid-organisation-gone = that organisation no longer exists
invalid-email = must be an e-mail address, like name@example.org
invalid-name-too-long = must be at most { $most } characters
invalid-editor-organisation = an editor must belong to the organisation whose work they change
invalid-confirmation = must be the same password again
invalid-no-organisation = there is no organisation { $id }
invalid-organisation-archived = { $name } is archived: it keeps its history but gets no new interventions, people or keys (an admin can make it active again)
invalid-outside-countries = the recommendation is to { $country }, where this intervention does not work ({ $countries }); add the country to the intervention first
invalid-history-with-recommendations = a tier history holds tiers only; import recommendations per report year
invalid-checked-file-gone = the checked file is no longer kept (it was imported already, or was checked more than a day ago): choose it again
invalid-sign-in-code = that code is not right, or was already used: type the 6 digits your app shows now, or one of your recovery codes
invalid-enrolment-code = that code is not right: type the 6 digits your app shows now (check that the phone's clock is right)
invalid-organisation-exists = an organisation named “{ $name }” already exists: choose it in the list instead
invalid-link-days = a link lasts from 1 to { $most } days
invalid-not-of-report = { $id } is not a recommendation to { $country } of { $year }

## The API's own parameters

invalid-between = must be between { $least } and { $most }
invalid-idempotency-key-reused = `{ $key }` was first used for a different request; a retry must repeat the same method, path and body, and a new request needs a new key
invalid-not-an-object = must be a JSON object, such as `{"{"}"name": "..."{"}"}`

## Files and bodies that cannot be read at all (the parser's own words follow)

unreadable-csv-header = the CSV header cannot be read: { $detail }
unreadable-csv-line = line { $line } cannot be read as CSV: { $detail }
unreadable-json = the body is not valid JSON: { $detail }
invalid-translation-language = must be a language gaptrack speaks other than the report's English: fr

## A report's country narratives, pasted

invalid-narrative-no-heading = no country narrative found: each starts with its country and tier, as in “SENEGAL: Tier 2” or “SENEGAL (Tier 2)”; the text begins “{ $text }”
invalid-narrative-before-heading = recommendations come before any country's heading (“{ $text }”): start with the country's line, as in “SENEGAL: Tier 2”
invalid-narrative-no-recommendations = { $country }: no recommendations section (“PRIORITIZED RECOMMENDATIONS:” or “RECOMMENDATIONS FOR { $country }:”) was found; the narrative reads “{ $text }”
invalid-narrative-empty-section = { $country }: its recommendations section lists nothing that can be read (“{ $text }”)
invalid-narrative-french-alone = { $country }: a French narrative holds the recommendations' French texts; load the report's English narrative first, then add the French texts (the text_fr column of an import, or each recommendation's page)
invalid-source-url-for-narratives = is for published narratives (text/plain, text/html); a file's rows carry their own source_url column
