# English messages of actlab (Fluent). Every message here has a Chinese twin in zh.ftl
# with the same placeholders; a test holds it.

## Hints that end a message

hint-did-you-mean = {" "}(did you mean '{ $suggestion }'?)
hint-see-list = {" "}(see 'list' for the functions)
hint-see-list-formulas = {" "}(see 'list' for the functions, 'help formulas' for the rest)
hint-see-defs = {" "}(defs lists the definitions)
hint-no-parameters = {" "}(it has none)
hint-its-parameters = {" "}(its parameters: { $params })

## Functions and their parameters

unknown-function = unknown function '{ $name }'{ $hint }
range-between = { $low } and { $high }
range-any-inf-off = any value (inf: off)
range-any-finite = any finite value
param-nan = { $function } --{ $param }: the value is nan; give a number
param-not-finite = { $function } --{ $param } { $value }: give a finite value
param-out-of-range = { $function } --{ $param } { $value }: must be { $bound }
param-not-below = { $function }: --{ $lower } ({ $lower_value }) must be below --{ $upper } ({ $upper_value })

## Maps, width chains, collapse

map-zero-vector = the zero vector has no direction to project onto
map-not-finite = every number must be finite
spec-zero-width = --width 0: a layer needs at least one unit
spec-too-wide = --width { $width }: at most { $max } (each layer is a width × width matrix)
spec-too-much-work = width { $width } × width × depth { $depth }{ $functions ->
        [1] {""}
       *[other] {" "}× { $functions } functions
    } needs { $work } multiply-adds, more than the limit of { $max }; use a smaller width or depth
spec-gain = --gain must be a positive number
spec-clip-norm = --clip-norm must be a positive number
collapse-depth = collapse: depth from 1 to { $max }
collapse-width = collapse: --width from 1 to { $max } (the collapsed matrix is printed)
collapse-fit = collapse: the least-squares fit failed

## What a 2-D map does

map-translation = translation by { $t }: affine, not linear (it moves the origin)
map-then-translation = { $what }, then translation by { $t }: affine, not linear (it moves the origin)
map-zero = the zero map: everything goes to the origin
map-identity = the identity: every vector stays where it is
map-enlarges = uniform scaling by { $k }: enlarges
map-shrinks = uniform scaling by { $k }: shrinks
map-point-reflection = point reflection through the origin (rotation by 180°)
map-reflect-enlarge = uniform scaling by { $k }: point reflection and enlarging
map-reflect-shrink = uniform scaling by { $k }: point reflection and shrinking
map-flip-x = reflection across the x axis (flip: y ↦ -y)
map-flip-y = reflection across the y axis (flip: x ↦ -x)
map-project-axis = projection onto the { $axis } axis
map-scale = scaling by { $a } along x and { $d } along y
map-rotation = rotation by { $degrees }°
map-rotation-scaled = rotation by { $degrees }° with uniform scaling by { $k }
map-reflection = reflection across the line through the origin at { $degrees }°
map-projection = projection onto the line through ({ $u1 }, { $u2 })
map-oblique-projection = oblique projection onto the line through ({ $u1 }, { $u2 })
map-shear-x = shear along x by { $k } (x ↦ x + { $k }·y)
map-shear-y = shear along y by { $k } (y ↦ y + { $k }·x)
map-rank-one = a rank-1 map: the plane collapses onto a line
map-general = a general linear map: stretches by { $s1 } and { $s2 } (singular values)
map-general-flips = a general linear map: stretches by { $s1 } and { $s2 } (singular values), and flips orientation (det < 0)

## Verdicts on a gradient chain ($what is e.g. "the product")

verdict-end = after { $depth } layers { $what } is { $value }
verdict-end-zero = after { $depth } layers { $what } is exactly 0
verdict-nan = undefined: { $what } is NaN from layer { $layer } (a factor there is NaN or ∞·0); no verdict
verdict-zero = vanished: exactly 0 from layer { $layer } (a local derivative is 0 there: a dead unit); { $end }
verdict-exploded-vanished = exploded above 1e6 at layer { $exploded }, then vanished below 1e-6 at layer { $vanished }; { $end }
verdict-vanished-exploded = vanished below 1e-6 at layer { $vanished }, then exploded above 1e6 at layer { $exploded }; { $end }
verdict-vanished = vanished below 1e-6 at layer { $layer }; { $end }
verdict-exploded = exploded above 1e6 at layer { $layer }; { $end }
verdict-stable = stable: within [1e-6, 1e6] through all { $depth } layers; { $end }
chain-digits = digits: the product and its log10 show only what N roundings cannot change (each factor is rounded once, so N of them are within N·2^-52 of the exact product)

## Formulas

expected-value = a number, a name or '('
expected-operator = an operator (+ - * / ^ or a comparison)
expected-comma-or-close = ',' or ')'
expected-name = a name
formula-empty = the formula is empty
formula-too-long = the formula is longer than { $kib } KiB, the limit
formula-too-deep = the formula is nested too deeply (at most { $max } levels of parentheses, calls and operators)
formula-too-large = the formula is too large once its definitions are expanded (more than { $max } operations)
formula-calls-too-deep = definitions call definitions more than { $max } deep
formula-times = '{ $char }' is not an operator here; multiply with '*'
formula-divide = '÷' is not an operator here; divide with '/'
formula-logic = '{ $char }' is not an operator here; for conditions use if(COND, A, B) and comparisons
formula-bad-char = '{ $char }' has no meaning in a formula
formula-bad-number = '{ $text }' is not a number
formula-number-out-of-range = '{ $text }' is beyond the largest double (about 1.8e308); write inf for infinity
formula-unexpected = expected { $expected } but found '{ $found }'
formula-unexpected-end = the formula ends where { $expected } should come
formula-unclosed = '(' is never closed
formula-unmatched-close = ')' has no matching '('
formula-chained-comparison = comparisons do not chain (a < x < b); nest if() instead
formula-positional-after-named = a plain argument follows a named one (write the named ones last)
formula-param-without-default = the parameter '{ $param }' needs a default: { $param } = VALUE
formula-unknown-name = unknown name '{ $name }'{ $hint }
formula-not-a-value = '{ $name }' is a function: call it, e.g. { $call }(x)
formula-not-a-function = '{ $name }' is a number, not a function
formula-arity = { $name } takes { $expected } { $expected ->
        [one] argument
       *[other] arguments
    }, given { $found }
formula-unknown-param = { $function } has no parameter '{ $param }'{ $hint }
formula-repeated-param = the parameter '{ $param }' is given twice
formula-param-not-constant = the parameter '{ $param }' must be a number; it cannot depend on x
formula-prime-of-elementary = '{ $name }': the derivative mark ' works on catalogue and defined functions; write this derivative as a formula
formula-too-many-primes = '{ $name }': only first derivatives (one ') are available
formula-second-derivative = the derivative of { $name } would need a second derivative, which actlab does not compute
formula-free-variable = '{ $name }' has no value here: a number is expected (to evaluate a formula in x: eval 'FORMULA' X)
formula-reserved = '{ $name }' is taken (a catalogue function, an elementary function, a constant or the variable); choose another name
formula-recursive = '{ $name }' would use itself; definitions cannot be recursive
formula-used-by = '{ $name }' is used by { $users }; change or remove { $users } first
formula-not-defined = '{ $name }' is not defined{ $hint }
formula-in = { $reason } in '{ $text }'
formula-help =
    Formulas

    Wherever actlab takes a number it takes a formula without x (sqrt(2), -pi/4, 1/3, sigmoid(1)),
    and wherever it takes a function it takes a formula in x (x*sigmoid(1.702*x)). Quote formulas
    in a shell ('2*sigmoid(2*x)-1'); at the prompt and in scripts they may stand bare. A line of
    the prompt or of a script that is not a command is a formula to compute: 2*sigmoid(2)-1.

      numbers      1  0.5  .5  1e-3  2.5E+8          (a plain decimal is read exactly as before)
      constants    pi (also π)  e  tau  inf  nan, and your own: let k = 1.702
      operators    + - * /  ^ (also **, right-associative: 2^3^2 = 2^9)  unary -  ( )
                   -2^0.5 is -(2^0.5); comparisons < <= > >= == != give 1 or 0
      variable     x
      functions    every catalogue function, with its parameters by name:
                     sigmoid(x)  leaky_relu(x, slope=0.2)  elu(x, alpha=1/2)
                   elementary: exp expm1 ln log log1p log2 log10 sqrt cbrt abs sign
                     erf erfc sin cos tan asin acos atan sinh cosh asinh acosh atanh
                     floor ceil, and of two arguments min max pow atan2 hypot
                   a condition: if(COND, A, B), e.g. if(x > 0, x, 0.01*x)
      derivatives  f' of a catalogue or defined function: sigmoid'  tanh'(2*x)  swish'
                   (one prime: actlab computes no second derivatives)
      definitions  def NAME(x) = FORMULA,  def NAME(x; p = 1, q = 2) = FORMULA,  let NAME = FORMULA
                   defs lists them, undef NAME removes one; parameters become options (--p)

    The derivative of a formula is exact for the formula as written: forward-mode automatic
    differentiation (dual numbers), each catalogue function with its own derivative and kink
    convention (relu'(0) = 0, abs'(0) = 0; max and min at a tie give each side half). Each
    operation is rounded once (elementary functions correctly rounded, catalogue calls within
    2 ulp), but a formula can lose digits to cancellation: 1 - tanh(x)^2 is 0 at x = 20 where
    tanh' is 8.5e-18 (compare '1-tanh(x)^2' "tanh'" 0..20 shows where).

    Limits: a formula is at most 1 MiB long and 200 levels deep; definitions expand to at most
    100000 operations and call each other at most 16 deep; a definition may not use itself.

## Errors from the grammar (in English clap's own words are used; these are the other languages' and the shared tags)

error-tag = error:
warning-tag = warning:
clap-did-you-mean = {" "}(did you mean '{ $suggestion }'?)
clap-missing-value = { $arg } needs a value
clap-invalid-value = invalid value '{ $value }' for { $arg }
clap-invalid-value-valid = invalid value '{ $value }' for { $arg }; possible values: { $valid }
clap-unknown-argument = unexpected argument '{ $arg }'
clap-missing-argument = required arguments were not given: { $arg }
clap-missing-subcommand = a subcommand is needed
clap-conflict = { $arg } cannot be used with { $other }
clap-too-many-values = unexpected value '{ $value }' for { $arg }
clap-wrong-number = { $arg }: wrong number of values
clap-value-validation = invalid value '{ $value }' for { $arg }: { $reason }
clap-no-equals = { $arg } needs '=' before its value
clap-invalid-utf8 = an argument is not valid UTF-8

## The prompt and scripts

line-options-alone = options alone do nothing here; give a command, e.g. eval gelu 1 --format csv
group-functions = functions
group-gradients = gradients, networks
group-maps = maps and units
group-definitions = your definitions
group-session = the session
prompt-help-head = Commands (help COMMAND shows its options and examples):
prompt-help-examples = 
    Examples:  eval gelu 1.5        deriv tanh -2..2:1     chain sigmoid 20 --at 0
               matrix rotate 30     compare gelu gelu_tanh forward relu 50 --init he
               plot sigmoid --deriv 2*sigmoid(2)-1        def f(x) = x*sigmoid(2*x)
prompt-help-tail = 
    Numbers and functions may be formulas: help formulas.
    Every command takes -f table|csv|tsv|json|markdown, -p DIGITS, --color WHEN,
    --lang en|zh (set lang zh: Chinese for the rest of the session).
    Tab completes; the dim hint previews the result; up/down recall history;
    Ctrl-C stops a command or clears the line; Ctrl-D or exit leaves.
line-unbalanced-quote = unbalanced quote: close the quote or remove it
hint-to-evaluate = {" "}(to evaluate it: eval { $name } X)
hint-type-help = {" "}(type help for the commands)
unknown-command = unknown command '{ $name }'{ $hint }
settings-auto-on = auto (on)
settings-auto-off = auto (off)
settings-title = settings
settings-note = change with: set KEY VALUE (e.g. set format csv)
def-not-function = def defines a function of x: def NAME(x) = FORMULA; for a constant write let { $text }
let-not-constant = let defines a constant: let NAME = FORMULA; for a function write def { $text }
def-cannot-keep = defined { $name }, but cannot keep it in { $path }: { $error }
def-kept = defined { $name } (kept in { $path })
def-shadows-alias = note: { $name } was an alias of { $entry }; it now names your definition (undef { $name } restores it)
undef-cannot-update = removed { $name }, but cannot update { $path }: { $error }
undef-kept = removed { $name } (and from { $path })
defs-title = your definitions
defs-none = none yet: def NAME(x) = FORMULA defines a function, let NAME = FORMULA a constant
defs-kept-in = kept in { $path }
script-nested = scripts nested more than { $max } deep at '{ $name }'
script-cannot-open = cannot open '{ $name }': { $error }
script-already-running = '{ $name }' is already running: a script that runs itself would never end
script-errors = { $n } error(s) in '{ $name }'
script-line = line { $n }
script-cannot-read = cannot read the script: { $error }
line-not-utf8 = the line is not valid UTF-8 text
line-too-long = the line is longer than { $mib } MiB, the limit for one line; put many numbers in a file and pipe it: actlab eval FN - < FILE
init-only-defs = only def and let lines belong in the init file
internal-error-line = internal error: { $what } (a bug in actlab: please report this line)

## The shell and the prompt

argument-not-utf8 = argument { $index } ({ $text }) is not valid UTF-8 text
arguments-too-long = the arguments are longer than { $mib } MiB, the limit for one command; pipe numbers in: actlab eval FN - < FILE
stdout-closed = cannot write the output: standard output is closed
cannot-write = cannot write the output: { $error }
set-in-shell = set and settings change a prompt or script session; in the shell use options: --format, --precision, --color, --rad, --lang
internal-error = internal error: { $what } (a bug in actlab: please report it)
prompt-cannot-start = cannot start the prompt: { $error }
banner = actlab { $version } — try: eval gelu 1.5 · deriv tanh 0.3 · chain sigmoid 20 · matrix rotate 30 · help · Tab completes · Ctrl-D leaves
history-cannot-save = cannot save history to { $path }: { $error }; this session's history will not be kept

## Gradient chains and clipping

chain-every-zero = --every 0: give a step of at least 1
chain-source-at = every layer at z = { $z }
chain-source-forward = forward pass z_k = { $weight }·a_(k-1) { $sign } { $bias }, a_0 = { $input }
chain-source-random = z_k ~ N(0, 1), seed { $seed }
chain-title = gradient product ∏ { $weight }f'(z_k) through { $depth } layers; { $source }
chain-shown-default = the first 10, then 20, 50, 100, 200, …
chain-shown-requested = every requested layer
chain-showing = showing { $shown } of { $depth } layers: { $which }, threshold crossings and the last; --every N or --all for more
verdict-the-product = the product
chain-trials-random = --trials needs --random (each trial draws new pre-activations)
chain-trials-range = --trials: from 1 up to trials × depth = 1e9
chain-trials-title = log10 |∏ f'(z_k)| after { $depth } layers over { $trials } trials; z_k ~ N(0, 1), seeds { $seed }..{ $last }
chain-trials-note = vanished / exploded: the fraction of trials whose product left [1e-6, 1e6] on the way
width-chain-clipped = , gradient clipped to norm { $norm }
width-chain-title = ‖g‖ backpropagated through { $depth } random { $width }×{ $width } layers (g ← Wᵀ·(f'(z) ⊙ g)); weights N(0, σ²), σ = { $sigma } ({ $init }, gain { $gain }), seed { $seed }{ $clip }
yes = yes
width-chain-showing = showing { $shown } of { $depth } layers; --every N or --all for more
width-chain-note = ratio: ‖g‖ after the layer over ‖g‖ before it, before any clipping; dead fraction: the layer's units with f'(z) = 0
width-chain-identity =  (identity: no activation, only the matrices act)
clip-not-finite = clip: gradient components must be finite
clip-one-of = clip: give exactly one of --norm MAX or --value MAX
clip-max = clip: MAX must be a positive number, not { $max }
clip-by-norm = gradient clipped by norm to { $max }
clip-by-value = gradient clipped by value to ±{ $max }
clip-norms = ‖g‖ before { $before }, after { $after }
clip-scale = scale factor { $scale } (min(1, MAX/‖g‖)): the direction is kept
clip-clamped = { $changed } of { $total } components clamped: the direction can change

## list and info

list-title = { $n } activation functions
list-note = Names ignore case, '-' and '_': LeakyReLU = leaky-relu = leaky_relu. Details: info FN
list-defined-title = { $n } defined { $n ->
        [one] function
       *[other] functions
    }
list-defined-note = defs shows them as written (with constants); undef NAME removes one
info-one-function = info takes one function; use list for all of them
no = no
none = none
info-param = { $name } = { $value } (default { $default }; valid: { $range }): { $help }
info-formula-derivative = exact for the formula as written: automatic differentiation (dual numbers), each catalogue function with its own derivative
info-every-x = every x
info-every-x-in = every x in { $set }
info-peak-approached = none: f' approaches its supremum { $sup } as x → { $side }∞
info-no-minimum = none at a single point
info-formula-smooth = yes (nothing in the formula has a kink)
info-formula-not-smooth = not everywhere: the formula uses abs, sign, min, max, floor, ceil, if, a comparison or a function with a kink
info-saturates-both = both sides (f' → 0 as x → ±∞)
info-saturates-left = left (f' → 0 as x → -∞)
info-saturates-right = right (f' → 0 as x → +∞)
info-formula-kinks = each function's own convention (PyTorch's): relu'(0) = 0, abs'(0) = 0; max and min at a tie give each side half
info-formula-accuracy = evaluated in double arithmetic, one rounding per operation (elementary functions correctly rounded, catalogue calls within 2 ulp); the formula as a whole can lose digits to cancellation: 1 - tanh(x)^2 is 0 at x = 20 (compare it with tanh')
info-note = Properties are computed from the function: extremes on a 0.001 grid over [-50, 50], refined by bisecting the slope; moments by Simpson's rule.

## Function lists

formula-deriv-title = f'(x) by automatic differentiation of the formula
too-many-functions = { $n } functions in one command; at most { $max }
empty-function-name = empty function name in '{ $list }'
deriv-needs-second = the derivative of '{ $name }' would need the derivative of { $prime }, a second derivative, which actlab does not compute
hint-param-in-call = {" "}(in a formula, give it in the call: leaky_relu(x, slope=0.2))
param-does-not-apply = --{ $param } does not apply to { $functions } (it is a parameter of { $owners }){ $hint }

## Numbers, ranges and standard input

number-nothing = expected a number, found nothing
number-hex = '{ $text }' is hexadecimal; write numbers in decimal (e.g. 1.5, -2e-3)
number-underscore = '{ $text }' has an underscore; write numbers without separators
number-comma = '{ $text }' has a comma; use '.' for decimals and spaces between numbers
number-out-of-range = '{ $text }' is out of range for a double (largest finite is about 1.8e308); write inf for infinity
number-not-a-number = '{ $text }' is not a number{ $hint }
number-not-a-number-why = '{ $text }' is not a number: { $why }
dash-not-minus = the dash '{ $char }' ({ $code }) is not a minus sign here; type the ASCII '-'
number-full-width = the full-width '{ $char }' ({ $code }) is not read as a number; type ASCII digits 0-9 and '.'
number-not-ascii-digit = '{ $char }' ({ $code }) is not an ASCII digit; type numbers with the digits 0-9
number-pi = π is not read as a number here; type 3.141592653589793
number-bad-char = it has '{ $char }' ({ $code }), which is not part of a number
depth-whole = give a whole number of layers, at least 1
depth-max = at most { $max } layers
range-not-a-range = '{ $range }' is not a range A..B:STEP
range-error = range '{ $range }': { $error }
range-not-finite = range '{ $range }': bounds and step must be finite
range-step-zero = range '{ $range }': the step is 0; give a positive step, e.g. { $a }..{ $b }:0.1
range-wrong-way-down = range '{ $range }': the step goes away from the end; use a negative step to count down
range-wrong-way-up = range '{ $range }': the step goes away from the end; use a positive step
about = about { $n }
range-too-many = range '{ $range }' has { $points } points, more than the limit of { $max }; use a larger step
range-step-too-small = range '{ $range }': the step is too small to move from { $a }
stdin-not-utf8 = stdin line { $line }: the input is not valid UTF-8 text
stdin-line = stdin line { $line }: { $error }
stdin-token-too-long = stdin line { $line }: a token longer than 1 MiB is not a number
stdin-cannot-read = cannot read stdin: { $error }
column-no-such = --column { $column }: no such column; the header has: { $names }
column-no-header = --column { $column }: the input has no header line to find it in; give a column number (1 is the first)
column-missing = stdin line { $line }: no column { $column } (the line has { $fields })

## Maps, collapse, GLU, XOR, softmax, grad

sentence = { $text }.
stdin = stdin
cannot-read = cannot read { $what }: { $error }
matrix-axis = --axis { $axis }: give x or y
matrix-homogeneous =  (3×3 homogeneous: affine)
matrix-linear-part =  (linear part)
matrix-eigenvalue = eigenvalue { $i } (re, im)
matrix-corner = corner ({ $x }, { $y }) ↦
matrix-projection-through = projection onto the line through (0, 0) and ({ $u1 }, { $u2 })
matrix-order = Applied in the order written: { $first } first, so M = { $product } (the last operation is the leftmost factor).
matrix-affine-note = Translation x ↦ x + t is not linear (it moves the origin): linear + translation = affine, shown as a 3×3 matrix acting on (x, y, 1).
matrix-col = { $name } col { $j }
collapse-title = { $depth } random affine layers of width { $width } (seed { $seed }) collapsed: W' = W_n⋯W_1, b' = W_n⋯W_2·b_1 + … + b_n
collapse-w-row = W' row { $i }
collapse-no-activation = no activation
collapse-between = { $name } between layers
collapse-compare-title = the stack against one affine map on { $samples } random inputs ({ $with })
collapse-linear-note = Without an activation the stack is exactly one affine map: the differences are rounding (about 1e-15 of the outputs). A deep linear network is a linear model.
collapse-nonlinear-note = With an activation between the layers no affine map reproduces the stack: even the best least-squares affine fit leaves a residual. The nonlinearity is what depth buys.
glu-line = { $what } line { $line }: { $error }
glu-too-many-rows = more than { $max } rows in { $what }
glu-stdin-is-script = '-' reads rows from stdin, but stdin holds the script here; give the rows, or --file FILE
glu-no-rows = glu needs at least one row of numbers ('/' between rows, none empty)
glu-ragged = row { $row } has { $values } values where row 1 has { $width }: every row of a batch has the same length
glu-too-wide = { $width } values per row: at most { $max }
glu-custom-gate = GLU with the gate g(x) = { $gate }
glu-linear-range = --linear { $out }: from 1 to { $max }
glu-linear-note = Linear first, as the notes write it: x ({ $rows } × { $width }) → h = x·Wᵀ + b with W { $two_out } × { $width } and b { $two_out } drawn from N(0, 1/{ $width }) (seed { $seed }) → h ({ $rows } × { $two_out }) = [a, b], a = h[:, :{ $out }], b = h[:, { $out }:] → y = a ⊗ { $gate }(b) ({ $rows } × { $out }).
glu-dim = --dim { $d }: a = x[:, :{ $d }] and b = x[:, { $d }:] must be the same size, so d is half of the { $n } values of a row ({ $half })
glu-odd = glu needs an even number of inputs per row (halves a and b), got { $n }; e.g. glu 1 2 3 4 gives a = (1, 2), b = (3, 4)
glu-shape-batch = x[:, :d], b = x[:, d:]; batch { $rows } × { $n }
glu-note = ∂y/∂a = { $gate }(b), ∂y/∂b = a·{ $gate }'(b). A gate sits where an activation sits: x → Linear → [a, b] → a ⊗ { $gate }(b).
xor-hidden = --hidden { $hidden }: from 1 to 1024 units
xor-epochs = --epochs: at most 1e7, and epochs × hidden at most 1e9
xor-lr = --lr must be a positive number
xor-show-gradients = --show-gradients { $word }: give epochs from 0 to { $epochs } (or first, last)
xor-none-linear = none (linear)
xor-title = XOR with a 2-{ $hidden }-1 network, hidden activation { $name }; full-batch gradient descent, lr { $lr }, seed { $seed }
xor-predictions = predictions
xor-accuracy = accuracy { $correct }/4 (prediction > 0.5 counts as 1; NaN counts as wrong)
xor-diverged = Training diverged at epoch { $epoch } (the loss reached { $loss }): stopped there. The steps overshoot; try a smaller --lr, e.g. --lr { $lr }.
xor-linear-note = Without an activation the network is one affine map: its loss stalls at { $loss } (the best linear fit predicts 0.5 everywhere: MSE 0.25).
xor-shapes-title = every parameter has a gradient of the same shape
xor-snapshot = epoch { $epoch } (loss { $loss }): { $name } and ∂L/∂{ $name }, both { $rows }×{ $cols }
softmax-temperature = --temperature { $t }: give a positive, finite temperature
softmax-jacobian-max = --jacobian of { $n } inputs: at most { $max } (the table has n × n entries)
log-softmax-note = Invariant to adding a constant to every input; computed as (x_i - max)/T - log Σ e^((x_j - max)/T), so it never overflows and keeps its digits in the tail.
softmax-note = Invariant to adding a constant to every input (softmax(x + c) = softmax(x)); computed from x_i - max, so e^x never overflows. The outputs are positive and sum to 1; a large T flattens them toward 1/n, a small T sharpens them toward the largest input.
softmax-jacobian-title = Jacobian: { $formula }
softmax-jacobian-note = Each row sums to 0 (adding a constant changes nothing). Largest |entry| { $largest }; at most 1/(4T) = { $bound }. When one output nears 1 every entry nears 0: a saturated softmax, like a saturated sigmoid, passes little gradient back.
grad-weights-input = --weights needs --input X… (one value per column of W)
grad-in-out = --in and --out from 1 to { $max }
grad-w-max = W: at most { $max } × { $max }
grad-ragged = every row of --weights must have the same length
grad-shapes = the shapes do not fit: W is { $rows }×{ $cols }, so b and g need { $rows } values and x needs { $cols }; given b { $bias }, x { $input }, g { $upstream }
grad-random =  (random W and x with two decimals, b = 0, g = 1; seed { $seed })
grad-title = forward: z = W x + b, a = { $f }(z); backward: δ = g ⊙ { $f }'(z){ $source }
grad-w-title = W and ∂L/∂W = δ xᵀ, both { $out }×{ $inp }
grad-x-title = x and ∂L/∂x = Wᵀ δ, both { $inp }×1 (what the layer below receives)
grad-shapes-title = every gradient has the shape of what it is the gradient of

## forward

forward-empty = --width, --batch and DEPTH must be at least 1
forward-too-much-work = batch × width² × depth × functions = { $work } multiply-adds, more than the limit of { $max }; use a smaller --batch, --width or DEPTH
forward-too-much-kept = --backward keeps f'(z) for every layer: { $kept } values, more than the limit of { $max }; use a smaller --batch, --width or DEPTH
forward-scale = --gain must be positive and --bias finite
forward-layer-norm = , layer norm before each activation
forward-batch-norm = , batch norm before each activation
forward-bias = , bias { $bias }
forward-title = { $batch } N(0, 1) inputs through { $depth } random { $width }×{ $width } { $depth ->
        [one] layer
       *[other] layers
    } (init { $init }, gain { $gain }{ $bias }{ $norm }), seed { $seed }: z = pre-activations, a = f(z)
forward-shown-every = every { $n }th and the last
forward-shown-default = the first 10, then 20, 50, 100, …, and the last
forward-showing = showing { $shown } of { $depth } layers ({ $which }); --every N or --all for more
forward-note = saturated: the fraction of (sample, unit) pairs with |f'(z)| < { $saturated }; dead: the fraction of units with f'(z) = 0 for every sample{ $backward }
forward-note-backward = ; log10 ‖g‖: the gradient reaching the layer's input, RMS over the batch (each sample's output gradient has norm 1)
forward-one-layer = { $name }: activations' mean { $mean }, std { $std }; saturated { $saturated }
forward-not-centred = not zero-centred: each layer hands the next a biased input
forward-centred = zero-centred
forward-spread-shrinks = the spread shrinks toward 0
forward-spread-grows = the spread grows without bound
forward-spread-holds = the spread holds
forward-drift = { $name }: activations' mean { $mean1 } at layer 1, { $mean2 } at layer { $layer } ({ $drift }); std { $std1 } → { $std2 } ({ $scale }); saturated { $sat1 } → { $sat2 }
forward-series-mean = { $name } mean
forward-series-std = { $name } std
forward-plot-title = activations' mean and standard deviation through { $depth } layers

## Plots

plot-nothing-finite-paren = (nothing finite to draw)
plot-nothing-finite = nothing finite to draw
cannot-write-file = cannot write { $path }: { $error }
svg-wrote = wrote { $path } ({ $n } series: { $names })
svg-name = --svg writes SVG, but '{ $path }' ends in .{ $ext }; give a .svg name (to get { $ext }, convert it, e.g. rsvg-convert -f png)
plot-size = plot --cols from 10 to 400 and --rows from 4 to 200 characters
plot-bounds = plot --from { $from } --to { $to }: give finite bounds with from < to
plot-title = { $names } on [{ $from }, { $to }]
plot-title-deriv = { $names } and derivatives on [{ $from }, { $to }]
plot-width-chain-title = ‖g‖ backpropagated through { $depth } random { $width }×{ $width } layers (log scale)
plot-chain-title = |∏ f'(z_k)| through { $depth } layers (log scale)
plot-unit-square = unit square
plot-its-image = its image

## compare

compare-kind-catalogue = catalogue (compiled)
compare-kind-formula = formula (interpreted)
compare-two = compare takes two functions, F and G, one each (no commas)
compare-no-stdin = compare takes numbers or one range, not '-'
compare-title = { $g } against { $f }
compare-one-range = compare searches one range A..B, or takes numbers (not both)
compare-empty-range = compare: the range is empty; give A..B with A < B
compare-range-title = { $g } against { $f } on [{ $lo }, { $hi }]
compare-search-note = searched { $grid } points, then refined around each largest ({ $steps } steps of { $zoom } points); ulps: doubles between the two results
compare-cost-title = cost per value here
compare-cost-deriv-title = cost per value (value and derivative) here
compare-cost-note = median of 7 timed runs over 100,000 points of the range, on this machine now
compare-plot-title = { $g } − { $f } on [{ $lo }, { $hi }]

## eval, tables, options

eval-stdin-once = '-' (read stdin) may appear only once
eval-column-needs-stdin = --column reads a column of stdin: give - among the X values
eval-stdin-is-script = '-' reads numbers from stdin, but stdin holds the script here; put the numbers in the command, or run the script with 'actlab run FILE'
table-left-out = … { $n } more rows not shown (a table keeps { $max }; use --format csv or tsv for every row)
table-fewer-digits = (numbers shown to { $digits } significant digits to fit { $width } columns; --precision or a wider terminal for more, --format csv for every digit)
precision-not-whole = '{ $text }' is not a whole number of digits
precision-range = { $n } digits: a double has 1 to 17 significant digits
not-finite = '{ $text }' is not finite; give a finite number
param-of-definition = a parameter of a definition (see defs)
matrix-number-missing = { $what }: a number is missing
matrix-flip = flip: give x (across the x axis) or y (across the y axis)
hint-matrix-operations = {" "}(operations: rotate, scale, flip, project, shear, custom, translate)
matrix-unknown-operation = unknown matrix operation '{ $name }'{ $hint }
matrix-no-operation = matrix: give at least one operation, e.g. matrix rotate 30
matrix-not-finite = matrix: every number must be finite
progress-stop = (Ctrl-C stops)
interrupted = interrupted

## softmax

softmax-empty = softmax: no inputs

## defs

defs-kind-function = function
defs-kind-constant = constant

## Table parts

table-part = (columns { $first }-{ $last } of { $n }, part { $part } of { $count })

## Script errors

script-error = { $at }: { $message }

## Operating-system errors (Chinese replaces the system's English for these)

io-not-found = No such file or directory
io-permission-denied = Permission denied
io-is-a-directory = Is a directory
io-not-a-directory = Not a directory
io-already-exists = File exists
io-storage-full = No space left on device
io-read-only = Read-only file system
io-broken-pipe = Broken pipe
io-invalid-data = stream did not contain valid UTF-8

## Internal errors (bugs)

internal-helper-stopped = internal error: the helper thread stopped
internal-range-point = internal error: a range point is not a number
