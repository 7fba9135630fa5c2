# actlab 的中文消息（Fluent）。与 en.ftl 一一对应，占位符相同；测试会检查。

## 消息末尾的提示

hint-did-you-mean = （你是不是想输入 '{ $suggestion }'？）
hint-see-list = （用 'list' 查看所有函数）
hint-see-list-formulas = （用 'list' 查看函数，'help formulas' 查看其余）
hint-see-defs = （用 defs 列出已有定义）
hint-no-parameters = （它没有参数）
hint-its-parameters = （它的参数：{ $params }）

## 函数及其参数

unknown-function = 未知函数 '{ $name }'{ $hint }
range-between = { $low } 且 { $high }
range-any-inf-off = 任意值（inf：关闭）
range-any-finite = 任意有限值
param-nan = { $function } --{ $param }：值是 nan；请给出一个数
param-not-finite = { $function } --{ $param } { $value }：请给出有限值
param-out-of-range = { $function } --{ $param } { $value }：必须 { $bound }
param-not-below = { $function }：--{ $lower }（{ $lower_value }）必须小于 --{ $upper }（{ $upper_value }）

## 映射、宽网络链、塌缩

map-zero-vector = 零向量没有方向，无法向它投影
map-not-finite = 每个数都必须是有限的
spec-zero-width = --width 0：每层至少要有一个单元
spec-too-wide = --width { $width }：最多 { $max }（每层是一个 width × width 矩阵）
spec-too-much-work = 宽度 { $width } × 宽度 × 深度 { $depth }{ $functions ->
        [1] {""}
       *[other] {" "}× { $functions } 个函数
    } 需要 { $work } 次乘加，超过上限 { $max }；请减小宽度或深度
spec-gain = --gain 必须是正数
spec-clip-norm = --clip-norm 必须是正数
collapse-depth = collapse：深度须在 1 到 { $max } 之间
collapse-width = collapse：--width 须在 1 到 { $max } 之间（塌缩后的矩阵会被打印）
collapse-fit = collapse：最小二乘拟合失败

## 二维映射做了什么

map-translation = 平移 { $t }：仿射变换，不是线性变换（它移动了原点）
map-then-translation = { $what }，然后平移 { $t }：仿射变换，不是线性变换（它移动了原点）
map-zero = 零映射：一切都映到原点
map-identity = 恒等映射：每个向量保持不动
map-enlarges = 均匀缩放 { $k } 倍：放大
map-shrinks = 均匀缩放 { $k } 倍：缩小
map-point-reflection = 关于原点的点反射（旋转 180°）
map-reflect-enlarge = 均匀缩放 { $k } 倍：点反射并放大
map-reflect-shrink = 均匀缩放 { $k } 倍：点反射并缩小
map-flip-x = 关于 x 轴的反射（翻转：y ↦ -y）
map-flip-y = 关于 y 轴的反射（翻转：x ↦ -x）
map-project-axis = 投影到 { $axis } 轴
map-scale = 沿 x 缩放 { $a } 倍，沿 y 缩放 { $d } 倍
map-rotation = 旋转 { $degrees }°
map-rotation-scaled = 旋转 { $degrees }° 并均匀缩放 { $k } 倍
map-reflection = 关于过原点、倾角 { $degrees }° 的直线的反射
map-projection = 投影到过 ({ $u1 }, { $u2 }) 的直线上
map-oblique-projection = 斜投影到过 ({ $u1 }, { $u2 }) 的直线上
map-shear-x = 沿 x 方向剪切 { $k }（x ↦ x + { $k }·y）
map-shear-y = 沿 y 方向剪切 { $k }（y ↦ y + { $k }·x）
map-rank-one = 秩为 1 的映射：平面被压扁到一条直线上
map-general = 一般线性映射：分别拉伸 { $s1 } 和 { $s2 } 倍（奇异值）
map-general-flips = 一般线性映射：分别拉伸 { $s1 } 和 { $s2 } 倍（奇异值），并翻转定向（det < 0）

## 梯度链的结论（$what 例如"乘积"）

verdict-end = 经过 { $depth } 层后{ $what }为 { $value }
verdict-end-zero = 经过 { $depth } 层后{ $what }恰好为 0
verdict-nan = 无定义：{ $what }从第 { $layer } 层起为 NaN（那里某个因子是 NaN 或 ∞·0）；无结论
verdict-zero = 梯度消失：从第 { $layer } 层起恰好为 0（那里局部导数为 0：死神经元）；{ $end }
verdict-exploded-vanished = 梯度爆炸：在第 { $exploded } 层超过 1e6，随后梯度消失：在第 { $vanished } 层低于 1e-6；{ $end }
verdict-vanished-exploded = 梯度消失：在第 { $vanished } 层低于 1e-6，随后梯度爆炸：在第 { $exploded } 层超过 1e6；{ $end }
verdict-vanished = 梯度消失：在第 { $layer } 层低于 1e-6；{ $end }
verdict-exploded = 梯度爆炸：在第 { $layer } 层超过 1e6；{ $end }
verdict-stable = 稳定：全部 { $depth } 层都在 [1e-6, 1e6] 之内；{ $end }
chain-digits = 有效数字：乘积及其 log10 只显示 N 次舍入改变不了的数字（每个因子舍入一次，N 个因子与精确乘积相差在 N·2^-52 以内）

## 公式

expected-value = 一个数、一个名字或 '('
expected-operator = 一个运算符（+ - * / ^ 或比较）
expected-comma-or-close = ',' 或 ')'
expected-name = 一个名字
formula-empty = 公式是空的
formula-too-long = 公式超过 { $kib } KiB 的上限
formula-too-deep = 公式嵌套太深（括号、调用和运算符最多 { $max } 层）
formula-too-large = 展开定义后公式太大（超过 { $max } 次运算）
formula-calls-too-deep = 定义之间的调用超过 { $max } 层
formula-times = '{ $char }' 在这里不是运算符；乘法请用 '*'
formula-divide = '÷' 在这里不是运算符；除法请用 '/'
formula-logic = '{ $char }' 在这里不是运算符；条件请用 if(COND, A, B) 和比较
formula-bad-char = '{ $char }' 在公式中没有意义
formula-bad-number = '{ $text }' 不是一个数
formula-number-out-of-range = '{ $text }' 超出了最大的双精度数（约 1.8e308）；无穷大请写 inf
formula-unexpected = 这里应为{ $expected }，却是 '{ $found }'
formula-unexpected-end = 公式在应出现{ $expected }的地方结束了
formula-unclosed = '(' 没有闭合
formula-unmatched-close = ')' 没有匹配的 '('
formula-chained-comparison = 比较不能连写（a < x < b）；请改用嵌套的 if()
formula-positional-after-named = 普通参数出现在具名参数之后（具名参数请写在最后）
formula-param-without-default = 参数 '{ $param }' 需要默认值：{ $param } = VALUE
formula-unknown-name = 未知名字 '{ $name }'{ $hint }
formula-not-a-value = '{ $name }' 是函数：请调用它，例如 { $call }(x)
formula-not-a-function = '{ $name }' 是一个数，不是函数
formula-arity = { $name } 接受 { $expected } 个参数，却给了 { $found } 个
formula-unknown-param = { $function } 没有参数 '{ $param }'{ $hint }
formula-repeated-param = 参数 '{ $param }' 给了两次
formula-param-not-constant = 参数 '{ $param }' 必须是一个数，不能依赖 x
formula-prime-of-elementary = '{ $name }'：导数记号 ' 只用于目录函数和自定义函数；请把这个导数写成公式
formula-too-many-primes = '{ $name }'：只提供一阶导数（一个 '）
formula-second-derivative = { $name } 的导数需要二阶导数，而 actlab 不计算二阶导数
formula-free-variable = '{ $name }' 在这里没有值：这里需要一个数（要计算关于 x 的公式：eval 'FORMULA' X）
formula-reserved = '{ $name }' 已被占用（目录函数、初等函数、常数或变量）；请换一个名字
formula-recursive = '{ $name }' 会用到自己；定义不能递归
formula-used-by = '{ $name }' 被 { $users } 使用；请先修改或删除 { $users }
formula-not-defined = '{ $name }' 没有定义{ $hint }
formula-in = { $reason }，位于 '{ $text }'
formula-help =
    公式

    凡是 actlab 接受数的地方，都可以写不含 x 的公式（sqrt(2)、-pi/4、1/3、sigmoid(1)）；
    凡是接受函数的地方，都可以写关于 x 的公式（x*sigmoid(1.702*x)）。在 shell 中请给公式加引号
    （'2*sigmoid(2*x)-1'）；在提示符和脚本中可以直接写。提示符或脚本中不是命令的一行，
    就是要计算的公式：2*sigmoid(2)-1。

      数           1  0.5  .5  1e-3  2.5E+8          （普通十进制数按原样精确读取）
      常数         pi（也可写 π）  e  tau  inf  nan，以及你自己定义的：let k = 1.702
      运算符       + - * /  ^（也可写 **，右结合：2^3^2 = 2^9）  一元 -  ( )
                   -2^0.5 即 -(2^0.5)；比较 < <= > >= == != 得 1 或 0
      变量         x
      函数         每个目录中的激活函数，参数按名字给出：
                     sigmoid(x)  leaky_relu(x, slope=0.2)  elu(x, alpha=1/2)
                   初等函数：exp expm1 ln log log1p log2 log10 sqrt cbrt abs sign
                     erf erfc sin cos tan asin acos atan sinh cosh asinh acosh atanh
                     floor ceil，以及两个参数的 min max pow atan2 hypot
                   条件：if(COND, A, B)，例如 if(x > 0, x, 0.01*x)
      导数         目录函数或自定义函数的 f'：sigmoid'  tanh'(2*x)  swish'
                   （只有一撇：actlab 不计算二阶导数）
      定义         def NAME(x) = FORMULA，def NAME(x; p = 1, q = 2) = FORMULA，let NAME = FORMULA
                   defs 列出它们，undef NAME 删除一个；参数成为选项（--p）

    公式的导数对写出的公式是精确的：前向模式自动微分（对偶数），每个目录函数用它自己的导数和
    不可导点约定（relu'(0) = 0，abs'(0) = 0；max 与 min 在相等处两边各取一半）。每次运算只舍入
    一次（初等函数正确舍入，目录函数调用误差在 2 ulp 以内），但公式可能因相消而丢失有效数字：
    在 x = 20 处 1 - tanh(x)^2 为 0，而 tanh' 是 8.5e-18（compare '1-tanh(x)^2' "tanh'" 0..20
    会显示在哪里出现）。

    限制：公式最长 1 MiB，最多嵌套 200 层；定义展开后最多 100000 次运算，相互调用最多 16 层；
    定义不能使用自己。

## 语法错误（英文时直接用 clap 自己的措辞）

error-tag = 错误：
warning-tag = 警告：
clap-did-you-mean = （你是不是想输入 '{ $suggestion }'？）
clap-missing-value = { $arg } 需要一个值
clap-invalid-value = { $arg } 的值 '{ $value }' 无效
clap-invalid-value-valid = { $arg } 的值 '{ $value }' 无效；可选值：{ $valid }
clap-unknown-argument = 多余的参数 '{ $arg }'
clap-missing-argument = 缺少必需的参数：{ $arg }
clap-missing-subcommand = 需要一个子命令
clap-conflict = { $arg } 不能与 { $other } 同时使用
clap-too-many-values = { $arg } 多出了值 '{ $value }'
clap-wrong-number = { $arg }：值的个数不对
clap-value-validation = { $arg } 的值 '{ $value }' 无效：{ $reason }
clap-no-equals = { $arg } 的值前需要 '='
clap-invalid-utf8 = 某个参数不是有效的 UTF-8 文本

## 提示符与脚本

line-options-alone = 只有选项什么也不做；请给出命令，例如 eval gelu 1 --format csv
group-functions = 函数
group-gradients = 梯度与网络
group-maps = 映射与单元
group-definitions = 你的定义
group-session = 会话
prompt-help-head = 命令（help COMMAND 显示该命令的选项和示例）：
prompt-help-examples = 
    示例：     eval gelu 1.5        deriv tanh -2..2:1     chain sigmoid 20 --at 0
               matrix rotate 30     compare gelu gelu_tanh forward relu 50 --init he
               plot sigmoid --deriv 2*sigmoid(2)-1        def f(x) = x*sigmoid(2*x)
prompt-help-tail = 
    数和函数都可以写成公式：help formulas。
    每个命令都接受 -f table|csv|tsv|json|markdown、-p DIGITS、--color WHEN、
    --lang en|zh（set lang en：本次会话余下部分改用英文）。
    Tab 补全；暗色提示预览结果；上下键翻历史；
    Ctrl-C 中止命令或清空当前行；Ctrl-D 或 exit 退出。
line-unbalanced-quote = 引号不配对：请补上或删去引号
hint-to-evaluate = （要计算它：eval { $name } X）
hint-type-help = （输入 help 查看命令）
unknown-command = 未知命令 '{ $name }'{ $hint }
settings-auto-on = auto（开）
settings-auto-off = auto（关）
settings-title = 设置
settings-note = 修改方法：set KEY VALUE（例如 set format csv）
def-not-function = def 定义关于 x 的函数：def NAME(x) = FORMULA；定义常数请写 let { $text }
let-not-constant = let 定义常数：let NAME = FORMULA；定义函数请写 def { $text }
def-cannot-keep = 已定义 { $name }，但无法保存到 { $path }：{ $error }
def-kept = 已定义 { $name }（保存在 { $path }）
def-shadows-alias = 注意：{ $name } 原是 { $entry } 的别名；现在它指你的定义（undef { $name } 可恢复）
undef-cannot-update = 已删除 { $name }，但无法更新 { $path }：{ $error }
undef-kept = 已删除 { $name }（也已从 { $path } 删除）
defs-title = 你的定义
defs-none = 还没有：def NAME(x) = FORMULA 定义函数，let NAME = FORMULA 定义常数
defs-kept-in = 保存在 { $path }
script-nested = 脚本嵌套超过 { $max } 层，位于 '{ $name }'
script-cannot-open = 无法打开 '{ $name }'：{ $error }
script-already-running = '{ $name }' 已在运行：运行自身的脚本永远不会结束
script-errors = '{ $name }' 中有 { $n } 个错误
script-line = 第 { $n } 行
script-cannot-read = 无法读取脚本：{ $error }
line-not-utf8 = 这一行不是有效的 UTF-8 文本
line-too-long = 这一行超过了单行 { $mib } MiB 的上限；大量数字请放进文件再用管道输入：actlab eval FN - < FILE
init-only-defs = 初始化文件中只能有 def 和 let 行
internal-error-line = 内部错误：{ $what }（actlab 的缺陷：请报告这一行）

## shell 与提示符

argument-not-utf8 = 第 { $index } 个参数（{ $text }）不是有效的 UTF-8 文本
arguments-too-long = 参数超过了单个命令 { $mib } MiB 的上限；请用管道输入数字：actlab eval FN - < FILE
stdout-closed = 无法写出结果：标准输出已关闭
cannot-write = 无法写出结果：{ $error }
set-in-shell = set 和 settings 用于修改提示符或脚本会话；在 shell 中请用选项：--format、--precision、--color、--rad、--lang
internal-error = 内部错误：{ $what }（actlab 的缺陷：请报告它）
prompt-cannot-start = 无法启动提示符：{ $error }
banner = actlab { $version } — 试试：eval gelu 1.5 · deriv tanh 0.3 · chain sigmoid 20 · matrix rotate 30 · help · Tab 补全 · Ctrl-D 退出
history-cannot-save = 无法把历史保存到 { $path }：{ $error }；本次会话的历史不会保留

## 梯度链与梯度截断

chain-every-zero = --every 0：步长至少为 1
chain-source-at = 每层都在 z = { $z } 处
chain-source-forward = 前向传播 z_k = { $weight }·a_(k-1) { $sign } { $bias }，a_0 = { $input }
chain-source-random = z_k ~ N(0, 1)，种子 { $seed }
chain-title = 经过 { $depth } 层的梯度乘积 ∏ { $weight }f'(z_k)；{ $source }
chain-shown-default = 前 10 层，然后 20、50、100、200、…
chain-shown-requested = 所有要求的层
chain-showing = 显示 { $depth } 层中的 { $shown } 层：{ $which }、越过阈值的层和最后一层；--every N 或 --all 显示更多
verdict-the-product = 乘积
chain-trials-random = --trials 需要 --random（每次试验重新抽取预激活值）
chain-trials-range = --trials：从 1 到 trials × depth = 1e9
chain-trials-title = { $trials } 次试验中经过 { $depth } 层后的 log10 |∏ f'(z_k)|；z_k ~ N(0, 1)，种子 { $seed }..{ $last }
chain-trials-note = 消失 / 爆炸：乘积在途中离开 [1e-6, 1e6] 的试验所占比例
width-chain-clipped = ，梯度按范数截断到 { $norm }
width-chain-title = ‖g‖ 反向传播经过 { $depth } 个随机 { $width }×{ $width } 层（g ← Wᵀ·(f'(z) ⊙ g)）；权重 N(0, σ²)，σ = { $sigma }（{ $init }，增益 { $gain }），种子 { $seed }{ $clip }
yes = 是
width-chain-showing = 显示 { $depth } 层中的 { $shown } 层；--every N 或 --all 显示更多
width-chain-note = 比值：经过该层后的 ‖g‖ 与之前的 ‖g‖ 之比（截断之前）；死亡比例：该层 f'(z) = 0 的单元所占比例
width-chain-identity = （identity：没有激活函数，只有矩阵起作用）
clip-not-finite = clip：梯度分量必须是有限的
clip-one-of = clip：--norm MAX 与 --value MAX 恰好给出一个
clip-max = clip：MAX 必须是正数，而不是 { $max }
clip-by-norm = 梯度按范数截断到 { $max }
clip-by-value = 梯度按值截断到 ±{ $max }
clip-norms = 截断前 ‖g‖ 为 { $before }，截断后为 { $after }
clip-scale = 缩放因子 { $scale }（min(1, MAX/‖g‖)）：方向不变
clip-clamped = { $total } 个分量中有 { $changed } 个被截断：方向可能改变

## 列标题（表格和 Markdown；CSV、TSV、JSON 保留英文键）


## list 与 info

list-title = { $n } 个激活函数
list-note = 名字不区分大小写，也不区分 '-' 和 '_'：LeakyReLU = leaky-relu = leaky_relu。详情：info FN
list-defined-title = { $n } 个自定义函数
list-defined-note = defs 按原样（连同常数）显示它们；undef NAME 删除一个
info-one-function = info 只接受一个函数；查看全部请用 list
no = 否
none = 无
info-param = { $name } = { $value }（默认 { $default }；有效值：{ $range }）：{ $help }
info-formula-derivative = 对写出的公式精确：自动微分（对偶数），每个目录函数用它自己的导数
info-every-x = 所有 x
info-every-x-in = { $set } 中的所有 x
info-peak-approached = 无：x → { $side }∞ 时 f' 趋近其上确界 { $sup }
info-no-minimum = 不在单个点上取得
info-formula-smooth = 是（公式中没有不可导点）
info-formula-not-smooth = 不是处处光滑：公式用到了 abs、sign、min、max、floor、ceil、if、比较或带不可导点的函数
info-saturates-both = 两侧（x → ±∞ 时 f' → 0）
info-saturates-left = 左侧（x → -∞ 时 f' → 0）
info-saturates-right = 右侧（x → +∞ 时 f' → 0）
info-formula-kinks = 每个函数用它自己的约定（PyTorch 的）：relu'(0) = 0，abs'(0) = 0；max 与 min 在相等处两边各取一半
info-formula-accuracy = 用双精度计算，每次运算舍入一次（初等函数正确舍入，目录函数调用误差在 2 ulp 以内）；整个公式可能因相消丢失有效数字：x = 20 处 1 - tanh(x)^2 为 0（可与 tanh' 比较）
info-note = 性质由函数本身算出：极值在 [-50, 50] 上间距 0.001 的网格上搜索，再对斜率二分细化；矩用辛普森法则计算。

## 目录中每个函数的说明（英文即目录条目本身；fn-NAME-FIELD）

fn-sigmoid-smoothness = C∞
fn-sigmoid-kinks = 无：处处可导
fn-sigmoid-defaults = PyTorch、JAX 和 Keras 中相同
fn-sigmoid-remarks = 光滑，容易求导；输出在 (0, 1) 之间，可以看作概率（LSTM 的门）。计算代价高：一次指数和一次除法。σ' 最大只有 0.25，所以 σ' 经过许多层相乘后会消失（梯度消失）。输出的均值约为 0.5 而不是 0：每一层都把一个正的偏置传给下一层，随着深度增加，数据分布会漂移。
fn-tanh-smoothness = C∞
fn-tanh-kinks = 无：处处可导
fn-tanh-defaults = PyTorch、JAX 和 Keras 中相同
fn-tanh-remarks = 拉伸并平移了的 sigmoid：σ(2x) 是水平拉伸，2σ(2x) 是竖直拉伸，-1 把它向下平移。输出在 (-1, 1) 之间且以零为中心，修正了 sigmoid 均值为正的问题。tanh' 在 (0, 1] 之间，比 σ' 大，所以梯度比 sigmoid 消失得慢，但仍然会消失。
fn-relu-derivative = relu'(x) = 1（x > 0 时），否则为 0
fn-relu-smoothness = 连续，在 0 处有折点
fn-relu-kinks = relu'(0) = 0（PyTorch）
fn-relu-defaults = PyTorch、JAX 和 Keras 中相同
fn-relu-remarks = x > 0 时导数恰好为 1，所以不会消失；计算便宜（一次阈值比较，没有指数）；比 sigmoid 和 tanh 收敛快。x <= 0 时为零，输出稀疏（鲁棒），但也会出现永不更新的死神经元。不以零为中心；可能爆炸，因此需要梯度截断。
fn-leaky_relu-formula = leaky_relu(x) = x（x > 0 时），否则为 slope·x
fn-leaky_relu-derivative = leaky_relu'(x) = 1（x > 0 时），否则为 slope
fn-leaky_relu-smoothness = 连续，在 0 处有折点
fn-leaky_relu-kinks = leaky_relu'(0) = slope（PyTorch）
fn-leaky_relu-defaults = PyTorch 和 JAX 中 slope 为 0.01；Keras 和 TensorFlow 中为 0.2（设 --slope 0.2）
fn-leaky_relu-remarks = 解决 ReLU 的死神经元问题：x > 0 时与 ReLU 相同，x <= 0 时有一个小斜率 0.01。
fn-leaky_relu-param-slope = x <= 0 时的斜率
fn-gelu-formula = gelu(x) = x·Φ(x)，Φ(x) = erfc(-x/√2)/2 为标准正态分布函数
fn-gelu-smoothness = C∞
fn-gelu-kinks = 无：处处可导
fn-gelu-defaults = PyTorch 和 Keras 默认用精确形式；JAX 的 jax.nn.gelu 默认用 tanh 形式（approximate=True）：见 gelu_tanh
fn-gelu-remarks = GELU 用标准正态变量小于输入的概率 Φ(x) 给输入加权。常用的快速形式是 0.5x(1 + tanh[√(2/π)(x + 0.044715x³)])；笔记把括号写成了 √(2/π) + 0.044715x³，这是笔误：√(2/π) 乘的是 (x + 0.044715x³)。
fn-gelu_tanh-smoothness = C∞
fn-gelu_tanh-kinks = 无：处处可导
fn-gelu_tanh-defaults = JAX 的默认 GELU；PyTorch 的 approximate='tanh'；常数取 PyTorch 的双精度值
fn-gelu_tanh-remarks = 笔记中的快速 GELU，括号已更正：√(2/π)·(x + 0.044715x³)。它与精确 GELU 最多相差 4.7e-4（在 x = -2.70 附近）。
fn-silu-smoothness = C∞
fn-silu-kinks = 无：处处可导
fn-silu-defaults = 即 β = 1 的 swish；PyTorch、JAX 和 Keras 中相同
fn-softplus-smoothness = C∞（有 threshold 时：那里有约 e^-threshold 的跳跃）
fn-softplus-kinks = 无：处处可导
fn-softplus-defaults = PyTorch 在 βx > 20 时改为返回 x（在 20 处跳跃 2.06e-9）；JAX 和 Keras 不这样做；actlab 除非给出 --threshold 否则也不这样做
fn-softplus-param-beta = 陡峭程度 β
fn-softplus-param-threshold = βx > threshold 时直接返回 x（PyTorch 用 20；inf：从不）
fn-elu-formula = elu(x) = x（x > 0 时），否则为 α(e^x - 1)
fn-elu-derivative = elu'(x) = 1（x > 0 时），否则为 α·e^x
fn-elu-smoothness = α = 1 时为 C¹；否则在 0 处有折点
fn-elu-kinks = elu'(0) = α（PyTorch）
fn-elu-defaults = PyTorch、JAX 和 Keras 中 α = 1
fn-elu-param-alpha = 负半轴的尺度
fn-selu-formula = selu(x) = λ·x（x > 0 时），否则为 λα(e^x - 1)；λ = 1.0507009873554804934193349852946，α = 1.6732632423543772848170429916717
fn-selu-derivative = selu'(x) = λ（x > 0 时），否则为 λα·e^x
fn-selu-smoothness = 连续，在 0 处有折点
fn-selu-kinks = selu'(0) = λα（PyTorch）
fn-selu-defaults = PyTorch、JAX 和 Keras 中常数相同
fn-celu-derivative = celu'(x) = 1（x > 0 时），否则为 e^(x/α)
fn-celu-smoothness = C¹
fn-celu-kinks = celu'(0) = 1
fn-celu-defaults = PyTorch 和 JAX 中 α = 1
fn-celu-param-alpha = 负半轴的尺度
fn-mish-smoothness = C∞
fn-mish-kinks = 无：处处可导
fn-mish-defaults = PyTorch、JAX 和 Keras 中相同
fn-softsign-smoothness = C¹（二阶导数在 0 处跳跃）
fn-softsign-kinks = 无：处处可导
fn-softsign-defaults = PyTorch、JAX 和 Keras 中相同
fn-log_sigmoid-smoothness = C∞
fn-log_sigmoid-kinks = 无：处处可导
fn-log_sigmoid-defaults = PyTorch 和 JAX 中相同
fn-hard_sigmoid-derivative = hard_sigmoid'(x) = 1/6（-3 < x < 3 时），否则为 0
fn-hard_sigmoid-smoothness = 连续，在 ±3 处有折点
fn-hard_sigmoid-kinks = hard_sigmoid'(±3) = 0（PyTorch）
fn-hard_sigmoid-defaults = PyTorch 和 JAX：relu6(x+3)/6；Keras 2 用截断的 0.2x + 0.5
fn-hard_swish-derivative = hard_swish'(x) = 0（x < -3 时），(2x + 3)/6（-3 <= x <= 3 时），1（x > 3 时）
fn-hard_swish-smoothness = 连续，在 ±3 处有折点
fn-hard_swish-kinks = hard_swish'(-3) = -0.5，hard_swish'(3) = 1.5（PyTorch）
fn-hard_swish-defaults = PyTorch、JAX 和 Keras 中相同
fn-relu6-derivative = relu6'(x) = 1（0 < x < 6 时），否则为 0
fn-relu6-smoothness = 连续，在 0 和 6 处有折点
fn-relu6-kinks = relu6'(0) = relu6'(6) = 0（PyTorch）
fn-relu6-defaults = PyTorch、JAX 和 Keras 中相同
fn-hardtanh-derivative = hardtanh'(x) = 1（min < x < max 时），否则为 0
fn-hardtanh-smoothness = 连续，在 min 和 max 处有折点
fn-hardtanh-kinks = hardtanh'(min) = hardtanh'(max) = 0（PyTorch）
fn-hardtanh-defaults = PyTorch 和 JAX 中为 [-1, 1]
fn-hardtanh-param-min = 截断下限
fn-hardtanh-param-max = 截断上限
fn-tanhshrink-smoothness = C∞
fn-tanhshrink-kinks = 无：处处可导
fn-tanhshrink-defaults = PyTorch
fn-softshrink-formula = softshrink(x) = x - λ（x > λ 时），x + λ（x < -λ 时），否则为 0
fn-softshrink-derivative = softshrink'(x) = 1（|x| > λ 时），否则为 0
fn-softshrink-smoothness = 连续，在 ±λ 处有折点
fn-softshrink-kinks = softshrink'(±λ) = 0（PyTorch）
fn-softshrink-defaults = PyTorch 中 λ = 0.5
fn-softshrink-param-lambda = 死区的半宽
fn-hardshrink-formula = hardshrink(x) = x（|x| > λ 时），否则为 0
fn-hardshrink-derivative = hardshrink'(x) = 1（|x| > λ 时），否则为 0
fn-hardshrink-smoothness = 在 ±λ 处跳跃
fn-hardshrink-kinks = hardshrink'(±λ) = 0（PyTorch）
fn-hardshrink-defaults = PyTorch 中 λ = 0.5
fn-hardshrink-param-lambda = 死区的半宽
fn-threshold-formula = threshold(x) = x（x > threshold 时），否则为 value
fn-threshold-derivative = threshold'(x) = 1（x > threshold 时），否则为 0
fn-threshold-smoothness = 除非 value = threshold，否则在阈值处跳跃
fn-threshold-kinks = threshold'(threshold) = 0（PyTorch）
fn-threshold-defaults = PyTorch 要求两者都给出；actlab 默认都为 0（= relu）
fn-threshold-param-threshold = 不大于它的值会被替换
fn-threshold-param-value = 替换值
fn-squareplus-smoothness = b > 0 时为 C∞
fn-squareplus-kinks = squareplus'(0) = 1/2
fn-squareplus-defaults = JAX 中 b = 4
fn-squareplus-param-b = 0 处的光滑程度（b = 0 即 relu）
fn-normal_cdf-formula = Φ(x) = erfc(-x/√2)/2，标准正态分布函数
fn-normal_cdf-derivative = Φ'(x) = φ(x) = e^(-x²/2)/√(2π)，标准正态密度
fn-normal_cdf-smoothness = C∞
fn-normal_cdf-kinks = 无：处处可导
fn-normal_cdf-defaults = scipy.special.ndtr、torch.special.ndtr
fn-normal_cdf-remarks = 它本身不是激活函数：它是 GELU = x·Φ(x) 里的门控，它的导数 φ 出现在 GELU' = Φ(x) + x·φ(x) 中。
fn-normal_pdf-formula = φ(x) = e^(-x²/2)/√(2π)，标准正态密度
fn-normal_pdf-smoothness = C∞
fn-normal_pdf-kinks = 无：处处可导
fn-normal_pdf-defaults = scipy.stats.norm.pdf、torch.distributions.Normal(0, 1).log_prob(x).exp()
fn-normal_pdf-remarks = 不是激活函数：φ 是 Φ'（normal_cdf 的导数），出现在 GELU' = Φ(x) + x·φ(x) 中。别名 phi 指的是密度 φ；分布函数 Φ 是 normal_cdf。
fn-identity-smoothness = C∞
fn-identity-kinks = 无：处处可导
fn-identity-defaults = 没有激活函数
fn-identity-remarks = 没有非线性时，叠起来的层 W3(W2(W1x + b1) + b2) + b3 会塌缩成一个仿射映射 (W3W2W1)x + (W3W2b1 + W3b2 + b3)：深层线性网络就是线性模型。

## 函数列表

formula-deriv-title = f'(x) 由对公式的自动微分得到
too-many-functions = 一个命令中有 { $n } 个函数；最多 { $max } 个
empty-function-name = '{ $list }' 中有空的函数名
deriv-needs-second = '{ $name }' 的导数需要 { $prime } 的导数，即二阶导数，而 actlab 不计算二阶导数
hint-param-in-call = （在公式中请在调用里给出：leaky_relu(x, slope=0.2)）
param-does-not-apply = --{ $param } 不适用于 { $functions }（它是 { $owners } 的参数）{ $hint }

## 数、范围与标准输入

number-nothing = 这里应是一个数，却什么也没有
number-hex = '{ $text }' 是十六进制；请用十进制书写（例如 1.5、-2e-3）
number-underscore = '{ $text }' 含有下划线；书写数字时不要用分隔符
number-comma = '{ $text }' 含有逗号；小数点请用 '.'，数与数之间用空格
number-out-of-range = '{ $text }' 超出了双精度数的范围（最大有限值约 1.8e308）；无穷大请写 inf
number-not-a-number = '{ $text }' 不是一个数{ $hint }
number-not-a-number-why = '{ $text }' 不是一个数：{ $why }
dash-not-minus = 这里的横线 '{ $char }'（{ $code }）不是减号；请输入 ASCII 的 '-'
number-full-width = 全角字符 '{ $char }'（{ $code }）不会被当作数字；请输入 ASCII 数字 0-9 和 '.'
number-not-ascii-digit = '{ $char }'（{ $code }）不是 ASCII 数字；请用 0-9 书写数字
number-pi = 这里 π 不会被当作数；请输入 3.141592653589793
number-bad-char = 其中的 '{ $char }'（{ $code }）不是数字的一部分
depth-whole = 层数必须是整数，至少为 1
depth-max = 最多 { $max } 层
range-not-a-range = '{ $range }' 不是 A..B:STEP 形式的范围
range-error = 范围 '{ $range }'：{ $error }
range-not-finite = 范围 '{ $range }'：端点和步长必须是有限的
range-step-zero = 范围 '{ $range }'：步长为 0；请给出正的步长，例如 { $a }..{ $b }:0.1
range-wrong-way-down = 范围 '{ $range }'：步长背离终点；要倒数请用负的步长
range-wrong-way-up = 范围 '{ $range }'：步长背离终点；请用正的步长
about = 约 { $n }
range-too-many = 范围 '{ $range }' 的点数为 { $points }，超过上限 { $max }；请用更大的步长
range-step-too-small = 范围 '{ $range }'：步长太小，无法从 { $a } 移动
stdin-not-utf8 = 标准输入第 { $line } 行：输入不是有效的 UTF-8 文本
stdin-line = 标准输入第 { $line } 行：{ $error }
stdin-token-too-long = 标准输入第 { $line } 行：超过 1 MiB 的词不是数
stdin-cannot-read = 无法读取标准输入：{ $error }
column-no-such = --column { $column }：没有这一列；表头有：{ $names }
column-no-header = --column { $column }：输入没有表头可供查找；请给出列号（1 为第一列）
column-missing = 标准输入第 { $line } 行：没有第 { $column } 列（该行只有 { $fields } 列）

## 映射、塌缩、GLU、XOR、softmax、grad

sentence = { $text }。
stdin = 标准输入
cannot-read = 无法读取{ $what }：{ $error }
matrix-axis = --axis { $axis }：请给出 x 或 y
matrix-homogeneous = （3×3 齐次坐标：仿射）
matrix-linear-part = （线性部分）
matrix-eigenvalue = 特征值 { $i }（实部, 虚部）
matrix-corner = 角点 ({ $x }, { $y }) ↦
matrix-projection-through = 投影到过 (0, 0) 和 ({ $u1 }, { $u2 }) 的直线上
matrix-order = 按书写顺序作用：先 { $first }，所以 M = { $product }（最后的操作是最左边的因子）。
matrix-affine-note = 平移 x ↦ x + t 不是线性的（它移动了原点）：线性 + 平移 = 仿射，用作用在 (x, y, 1) 上的 3×3 矩阵表示。
matrix-col = { $name } 第 { $j } 列
collapse-title = { $depth } 个宽度为 { $width } 的随机仿射层（种子 { $seed }）塌缩为一个：W' = W_n⋯W_1，b' = W_n⋯W_2·b_1 + … + b_n
collapse-w-row = W' 第 { $i } 行
collapse-no-activation = 没有激活函数
collapse-between = 层间用 { $name }
collapse-compare-title = 在 { $samples } 个随机输入上比较层的堆叠与一个仿射映射（{ $with }）
collapse-linear-note = 没有激活函数时，堆叠恰好是一个仿射映射：差别只是舍入误差（约为输出的 1e-15）。深层线性网络就是线性模型。
collapse-nonlinear-note = 层间有激活函数时，没有任何仿射映射能复现这个堆叠：即使最好的最小二乘仿射拟合也留有残差。深度带来的正是非线性。
glu-line = { $what }第 { $line } 行：{ $error }
glu-too-many-rows = { $what }中超过 { $max } 行
glu-stdin-is-script = '-' 从标准输入读取行，但这里标准输入是脚本本身；请直接给出行，或用 --file FILE
glu-no-rows = glu 至少需要一行数（行与行之间用 '/'，不能有空行）
glu-ragged = 第 { $row } 行有 { $values } 个值，而第 1 行有 { $width } 个：一个批次中每行长度必须相同
glu-too-wide = 每行 { $width } 个值：最多 { $max } 个
glu-custom-gate = 门控为 g(x) = { $gate } 的 GLU
glu-linear-range = --linear { $out }：须在 1 到 { $max } 之间
glu-linear-note = 按笔记的写法先做线性层：x（{ $rows } × { $width }）→ h = x·Wᵀ + b，W 为 { $two_out } × { $width }，b 有 { $two_out } 个，取自 N(0, 1/{ $width })（种子 { $seed }）→ h（{ $rows } × { $two_out }）= [a, b]，a = h[:, :{ $out }]，b = h[:, { $out }:] → y = a ⊗ { $gate }(b)（{ $rows } × { $out }）。
glu-dim = --dim { $d }：a = x[:, :{ $d }] 与 b = x[:, { $d }:] 必须一样大，所以 d 是一行 { $n } 个值的一半（{ $half }）
glu-odd = glu 每行需要偶数个输入（分成 a 和 b 两半），却有 { $n } 个；例如 glu 1 2 3 4 得 a = (1, 2)，b = (3, 4)
glu-shape-batch = x[:, :d]，b = x[:, d:]；批次 { $rows } × { $n }
glu-note = ∂y/∂a = { $gate }(b)，∂y/∂b = a·{ $gate }'(b)。门控位于激活函数的位置：x → Linear → [a, b] → a ⊗ { $gate }(b)。
xor-hidden = --hidden { $hidden }：须在 1 到 1024 个单元之间
xor-epochs = --epochs：最多 1e7，且 epochs × hidden 最多 1e9
xor-lr = --lr 必须是正数
xor-show-gradients = --show-gradients { $word }：请给出 0 到 { $epochs } 之间的轮数（或 first、last）
xor-none-linear = 无（线性）
xor-title = 用 2-{ $hidden }-1 网络学习 XOR，隐藏层激活函数 { $name }；全批量梯度下降，学习率 { $lr }，种子 { $seed }
xor-predictions = 预测
xor-accuracy = 准确率 { $correct }/4（预测 > 0.5 算作 1；NaN 算错）
xor-diverged = 训练在第 { $epoch } 轮发散（损失达到 { $loss }）：已在此停止。步子迈得太大；试试更小的 --lr，例如 --lr { $lr }。
xor-linear-note = 没有激活函数时，网络就是一个仿射映射：损失停在 { $loss }（最好的线性拟合处处预测 0.5：MSE 0.25）。
xor-shapes-title = 每个参数都有一个形状相同的梯度
xor-snapshot = 第 { $epoch } 轮（损失 { $loss }）：{ $name } 与 ∂L/∂{ $name }，都是 { $rows }×{ $cols }
softmax-temperature = --temperature { $t }：温度必须是正的有限数
softmax-jacobian-max = { $n } 个输入的 --jacobian：最多 { $max } 个（表格有 n × n 项）
log-softmax-note = 每个输入加同一个常数，结果不变；按 (x_i - max)/T - log Σ e^((x_j - max)/T) 计算，所以永不溢出，在尾部也保留有效数字。
softmax-note = 每个输入加同一个常数，结果不变（softmax(x + c) = softmax(x)）；由 x_i - max 计算，所以 e^x 永不溢出。输出为正且和为 1；T 大时输出趋于平坦（接近 1/n），T 小时集中到最大的输入上。
softmax-jacobian-title = 雅可比矩阵：{ $formula }
softmax-jacobian-note = 每行之和为 0（加常数不改变任何东西）。最大 |元素| 为 { $largest }；至多 1/(4T) = { $bound }。当某个输出接近 1 时，所有元素都接近 0：饱和的 softmax 和饱和的 sigmoid 一样，几乎传不回梯度。
grad-weights-input = --weights 需要 --input X…（W 的每一列一个值）
grad-in-out = --in 和 --out 须在 1 到 { $max } 之间
grad-w-max = W：最多 { $max } × { $max }
grad-ragged = --weights 的每一行长度必须相同
grad-shapes = 形状不匹配：W 是 { $rows }×{ $cols }，所以 b 和 g 需要 { $rows } 个值，x 需要 { $cols } 个；实际给了 b { $bias } 个，x { $input } 个，g { $upstream } 个
grad-random = （随机的 W 和 x，保留两位小数，b = 0，g = 1；种子 { $seed }）
grad-title = 前向：z = W x + b，a = { $f }(z)；反向：δ = g ⊙ { $f }'(z){ $source }
grad-w-title = W 与 ∂L/∂W = δ xᵀ，都是 { $out }×{ $inp }
grad-x-title = x 与 ∂L/∂x = Wᵀ δ，都是 { $inp }×1（下一层收到的梯度）
grad-shapes-title = 每个梯度的形状都与它所对应的量相同

## forward

forward-empty = --width、--batch 和 DEPTH 都至少为 1
forward-too-much-work = batch × width² × depth × 函数个数 = { $work } 次乘加，超过上限 { $max }；请减小 --batch、--width 或 DEPTH
forward-too-much-kept = --backward 要保存每一层的 f'(z)：{ $kept } 个值，超过上限 { $max }；请减小 --batch、--width 或 DEPTH
forward-scale = --gain 必须为正，--bias 必须有限
forward-layer-norm = ，每个激活函数前做层归一化
forward-batch-norm = ，每个激活函数前做批归一化
forward-bias = ，偏置 { $bias }
forward-title = { $batch } 个 N(0, 1) 输入经过 { $depth } 个随机 { $width }×{ $width } 层（初始化 { $init }，增益 { $gain }{ $bias }{ $norm }），种子 { $seed }：z = 预激活值，a = f(z)
forward-shown-every = 每 { $n } 层及最后一层
forward-shown-default = 前 10 层，然后 20、50、100、…，以及最后一层
forward-showing = 显示 { $depth } 层中的 { $shown } 层（{ $which }）；--every N 或 --all 显示更多
forward-note = 饱和：|f'(z)| < { $saturated } 的（样本, 单元）对所占比例；死亡：对每个样本都有 f'(z) = 0 的单元所占比例{ $backward }
forward-note-backward = ；log10 ‖g‖：到达该层输入的梯度，对批次取均方根（每个样本的输出梯度范数为 1）
forward-one-layer = { $name }：激活值均值 { $mean }，标准差 { $std }；饱和 { $saturated }
forward-not-centred = 不以零为中心：每层都把有偏的输入传给下一层
forward-centred = 以零为中心
forward-spread-shrinks = 分布宽度缩向 0
forward-spread-grows = 分布宽度无限增长
forward-spread-holds = 分布宽度保持
forward-drift = { $name }：激活值均值在第 1 层为 { $mean1 }，在第 { $layer } 层为 { $mean2 }（{ $drift }）；标准差 { $std1 } → { $std2 }（{ $scale }）；饱和 { $sat1 } → { $sat2 }
forward-series-mean = { $name } 均值
forward-series-std = { $name } 标准差
forward-plot-title = 经过 { $depth } 层的激活值均值与标准差

## 绘图

plot-nothing-finite-paren = （没有有限的值可画）
plot-nothing-finite = 没有有限的值可画
cannot-write-file = 无法写入 { $path }：{ $error }
svg-wrote = 已写入 { $path }（{ $n } 条曲线：{ $names }）
svg-name = --svg 写出的是 SVG，但 '{ $path }' 以 .{ $ext } 结尾；请给出 .svg 文件名（要得到 { $ext }，请转换，例如 rsvg-convert -f png）
plot-size = plot 的 --cols 须在 10 到 400 之间，--rows 须在 4 到 200 个字符之间
plot-bounds = plot --from { $from } --to { $to }：请给出有限的范围，且 from < to
plot-title = { $names }，区间 [{ $from }, { $to }]
plot-title-deriv = { $names } 及其导数，区间 [{ $from }, { $to }]
plot-width-chain-title = ‖g‖ 反向传播经过 { $depth } 个随机 { $width }×{ $width } 层（对数坐标）
plot-chain-title = 经过 { $depth } 层的 |∏ f'(z_k)|（对数坐标）
plot-unit-square = 单位正方形
plot-its-image = 它的像

## compare

compare-kind-catalogue = 目录函数（编译）
compare-kind-formula = 公式（解释执行）
compare-two = compare 接受两个函数 F 和 G，各一个（不用逗号）
compare-no-stdin = compare 接受数或一个范围，不接受 '-'
compare-title = { $g } 与 { $f } 比较
compare-one-range = compare 搜索一个范围 A..B，或接受若干个数（不能两者都有）
compare-empty-range = compare：范围为空；请给出 A < B 的 A..B
compare-range-title = { $g } 与 { $f } 在 [{ $lo }, { $hi }] 上比较
compare-search-note = 搜索了 { $grid } 个点，再在每个最大值附近细化（{ $steps } 步，每步 { $zoom } 个点）；ulps：两个结果之间的双精度数个数
compare-cost-title = 本机上每个值的耗时
compare-cost-deriv-title = 本机上每个值（值和导数）的耗时
compare-cost-note = 在该范围的 100,000 个点上计时 7 次取中位数，本机此刻的结果
compare-plot-title = { $g } − { $f }，区间 [{ $lo }, { $hi }]

## eval、表格、选项

eval-stdin-once = '-'（读取标准输入）只能出现一次
eval-column-needs-stdin = --column 读取标准输入的一列：请在 X 值中给出 -
eval-stdin-is-script = '-' 从标准输入读取数，但这里标准输入是脚本本身；请把数写进命令，或用 'actlab run FILE' 运行脚本
table-left-out = … 还有 { $n } 行没有显示（表格最多保留 { $max } 行；要看全部请用 --format csv 或 tsv）
table-fewer-digits = （为适应 { $width } 列宽，数字只显示 { $digits } 位有效数字；更多位数请用 --precision 或更宽的终端，全部位数请用 --format csv）
precision-not-whole = '{ $text }' 不是整数位数
precision-range = { $n } 位：双精度数有 1 到 17 位有效数字
not-finite = '{ $text }' 不是有限数；请给出有限数
param-of-definition = 某个定义的参数（见 defs）
matrix-number-missing = { $what }：缺少一个数
matrix-flip = flip：请给出 x（关于 x 轴）或 y（关于 y 轴）
hint-matrix-operations = （可用的操作：rotate、scale、flip、project、shear、custom、translate）
matrix-unknown-operation = 未知的矩阵操作 '{ $name }'{ $hint }
matrix-no-operation = matrix：至少给出一个操作，例如 matrix rotate 30
matrix-not-finite = matrix：每个数都必须是有限的
progress-stop = （Ctrl-C 中止）
interrupted = 已中止

## softmax

softmax-empty = softmax：没有输入

## 语法的帮助（英文即 clap 定义中的文档注释；help-CMD、help-CMD-after、help-CMD--ARG、共用的 help--ARG）

help-actlab = 探索神经网络的激活函数、它们的导数、梯度链和二维线性映射。
help-actlab-after =
    不给命令时，actlab 在终端上启动提示符，或运行从管道输入的命令（每行一个）。数和函数都可以写成公式：actlab help formulas。
    示例：
      actlab eval gelu 1.5
      actlab deriv tanh 0.3 --format csv
      echo 'eval relu -1 1' | actlab
help--format = 输出格式：table（给人看的对齐表格，按 --precision 舍入）、csv（逗号分隔，先表头，最短的可往返数字）、tsv（制表符分隔，同上）、json（一个 JSON 文档）、markdown（Markdown 表格）
help--precision = 表格中的有效数字（1-17；机器格式总是打印全部位数）
help--color = 颜色：auto（只在终端上，遵从 NO_COLOR 和 CLICOLOR_FORCE）、always、never
help--lang = 所有给人读的文字的语言：en（英文）、zh（简体中文）（默认取自 LC_ALL、LC_MESSAGES、LANG）
help-actlab--keep_going = 脚本模式下（命令从管道输入），出错后仍运行每一行
help--no_init = 不加载保存在初始化文件中的定义（ACTLAB_INIT，否则 ~/.config/actlab/init）
help-eval = 一个或多个激活函数的值 f(x)
help-eval-after =
    示例：
      eval gelu 1.5
      eval sigmoid,tanh -2..2:0.5
      eval leaky_relu 0.5 -2 --slope 0.2
      seq 0 5 | actlab eval gelu - --format csv
help-eval--functions = 函数名，或用逗号分隔的多个函数名（gelu,relu,tanh）
help-eval--xs = 数、范围 A..B:STEP（例如 -2..2:0.5），或 -（从标准输入读取数）
help--column = 与 - 一起用：读取 CSV/TSV 输入的一列，按表头 NAME 或列号 N（1 为第一列）
help-deriv = 一个或多个激活函数的 x、f(x) 和 f'(x)
help-deriv-after =
    示例：
      deriv tanh 0.3
      deriv sigmoid 0 40
      deriv silu,mish -3..0:0.5
help-deriv--functions = 函数名，或用逗号分隔的多个函数名（gelu,relu,tanh）
help-deriv--xs = 数、范围 A..B:STEP（例如 -2..2:0.5），或 -（从标准输入读取数）
help-list = 所有函数：名字、别名、参数、公式
help-info = 一个函数的公式、导数、参数和计算出的性质
help-info-after =
    示例：
      info gelu
      info leaky_relu --slope 0.2
help-info--function = 函数名或别名，或关于 x 的公式
help-chain = 经过 DEPTH 层的梯度乘积：梯度消失与梯度爆炸
help-chain-after =
    默认每一层都是真实的前向传播 z_k = W·a_(k-1) + B，其中 W = 1，B = 0，a_0 = 1。
    示例：
      chain sigmoid 20 --at 0
      chain sigmoid,tanh,relu 50
      chain sigmoid 1000 --at 0
      chain tanh 100 --random --trials 1000
      chain identity 50 --width 256 --gain 2
      chain relu 100 --width 256 --init he
      chain identity 50 --width 64 --gain 2 --clip-norm 1
help-chain--functions = 函数名，或用逗号分隔的多个函数名（并排显示）
help-chain--depth = 层数（整数，最多 1e8；1e6 没问题）
help--at = 每一层都取这个预激活值 z（而不做前向传播）
help--weight = 每层的权重 W：z_k = W·a_(k-1) + B，因子为 W·f'(z_k) [默认: 1]
help-chain--bias = 前向传播的偏置 B [默认: 0]
help-chain--input = 前向传播的输入 a_0 [默认: 1]
help--random = 每个预激活值从 N(0, 1) 中抽取
help-chain--seed = --random 和 --width 的种子 [默认: 0]
help-chain--width = 让梯度向量反向传播经过随机的 WIDTH×WIDTH 层
help-chain--gain = 与 --width 一起用：权重的尺度 [默认: 1]
help-chain--init = 与 --width 一起用：权重初始化：normal（σ = gain/√N）、he 或 kaiming（σ = gain·√(2/N)，为 relu 设计）、xavier 或 glorot（σ = gain·√(2/(N + N))）[默认: normal]
help--clip_norm = 与 --width 一起用：每层把梯度范数截断到 MAX
help--trials = 与 --random 一起用：重复 T 次，汇总最终乘积的 log10
help-chain--every = 每 N 层显示一层（以及越过阈值的层和最后一层）
help--all = 显示每一层
help-clip = 按范数或按值截断梯度向量（梯度截断）
help-clip-after =
    示例：
      clip --norm 1 3 4
      clip --value 1 3 -4 0.5
help-clip--norm = 缩放向量，使其范数至多为 MAX
help-clip--value = 把每个分量截断到 [-MAX, MAX]
help-clip--values = 梯度的各个分量
help-matrix = 二维线性映射：矩阵、行列式、特征值、像，以及它做了什么
help-matrix-after =
    操作按书写顺序作用：'rotate 30 then scale 2' 先旋转，所以 M = S·R。
    示例：
      matrix rotate 30
      matrix scale 2
      matrix flip x
      matrix project 1 1
      matrix rotate 30 then scale 2 --apply 1 0
      matrix shear 0.5 --axis y
      matrix translate 1 2
help--ops = 操作，按书写顺序作用（可用 'then' 连接）：rotate DEG、scale K1 [K2]、flip x|y、project x|y、project U1 U2、shear K、custom A B C D、translate T1 T2
help--rad = 角度用弧度而不是度
help--deg = 角度用度（默认，除非会话中 set angle rad）
help--axis = 剪切的轴：x（[[1, k], [0, 1]]）或 y（[[1, 0], [k, 1]]）[默认: x]
help-matrix--plot = 画出映射前后的单位正方形和基向量
help-matrix--svg = 把图写成 SVG 文件，而不是画在终端里（隐含 --plot）
help--apply = 同时显示向量 (X, Y) 的像
help-collapse = 堆叠的仿射层塌缩成一个仿射映射（除非层间有激活函数）
help-collapse-after =
    示例：
      collapse 3
      collapse 10 --width 4 --seed 7
      collapse 10 --act tanh
help-collapse--depth = 层数（最多 10000）
help-collapse--width = 每层的单元数（1-16）[默认: 2]
help-collapse--seed = 随机权重、偏置和输入的种子 [默认: 0]
help-collapse--act = 层间的激活函数（none：纯线性）[默认: none]
help-forward = 一批数据经过随机全连接层：数据分布逐层如何漂移（均值、宽度、饱和）
help-forward-after =
    每一层：Z = A·Wᵀ + bias，然后（--norm）归一化，再 A = f(Z)；输入是一批 N(0, 1) 向量。
    示例：
      forward sigmoid,tanh 20
      forward relu 50 --init he
      forward relu 50 --init xavier
      forward sigmoid 10 --gain 4
      forward sigmoid 30 --norm batch
      forward tanh 30 --backward
help-forward--functions = 函数名、公式，或用逗号分隔的多个（并排显示，同一个网络）
help-forward--depth = 层数（最多 10000）
help-forward--width = 每层的单元数 [默认: 128]
help--batch = 输入向量的个数，每个取自 N(0, 1) [默认: 256]
help-forward--init = 权重：normal 或 lecun（σ = gain/√N）、xavier 或 glorot（方阵层时相同）、he 或 kaiming（σ = gain·√(2/N)）、orthogonal（gain·Q）[默认: normal]
help-forward--gain = 权重的尺度 [默认: 1]
help-forward--bias = 加到每个预激活值上 [默认: 0]
help-forward--norm = 在每个激活函数前对预激活值归一化：layer（每个样本）或 batch（每个单元）
help-forward--seed = 输入和权重的种子 [默认: 0]
help--backward = 同时在同一个网络中反向传播：每层梯度的范数
help-forward--every = 每 N 层显示一层（以及最后一层）
help-forward--plot = 画出激活值的均值和标准差随深度的变化
help-forward--svg = 把这张图写成 SVG 文件
help--cols = 宽度（字符数）[默认: 终端宽度减去坐标轴]
help--rows = 高度（字符数）[默认: 18]
help-grad = 一个全连接层的反向传播：∂L/∂W、∂L/∂b、∂L/∂x，各自的形状与对应的量相同
help-grad-after =
    z = W x + b，a = f(z)；设 g = ∂L/∂a：δ = g ⊙ f'(z)，∂L/∂W = δ xᵀ，∂L/∂b = δ，∂L/∂x = Wᵀ δ。
    示例：
      grad relu
      grad tanh --in 4 --out 3 --seed 2
      grad sigmoid --weights 1 2 / -1 0.5 --input 0.5 -1 --upstream 1 -2
help-grad--function = 激活函数：名字、导数或关于 x 的公式
help--weights = 权重 W，逐行给出，行间用 '/'：--weights 1 2 / 3 4（out × in）
help-grad--bias = 偏置 b（out 个）[默认: 0]
help-grad--input = 输入 x（in 个）
help--upstream = 上游梯度 g = ∂L/∂a（out 个）[默认: 每个为 1]
help--inputs = 不用 --weights 时：随机层的输入个数 [默认: 3]
help--outputs = 不用 --weights 时：随机层的输出个数 [默认: 2]
help-grad--seed = 随机层的种子 [默认: 1]
help-softmax = 向量的 softmax：e^(x_i/T) / Σ_j e^(x_j/T)，对任何输入都精确，可附雅可比矩阵
help-softmax-after =
    示例：
      softmax 1 2 3
      softmax 1 2 3 --temperature 0.5 --jacobian
      softmax 1000 1001 1002
      softmax 1e308 -1e308 0
help-softmax--values = 输入（logits）
help--temperature = 先把每个输入除以 T：T > 1 使输出平坦，T < 1 使输出尖锐 [默认: 1]
help--jacobian = 同时输出雅可比矩阵 ∂y_i/∂x_j
help-log_softmax = softmax 的对数：x_i/T - log Σ_j e^(x_j/T)，在尾部也精确
help-log_softmax-after =
    示例：
      log_softmax 0 -1000
      log_softmax 1 2 3 --jacobian
help-log_softmax--values = 输入（logits）
help-softmin = 向量的 softmin：softmax(-x)，最小的输入得到最大的权重
help-softmin-after =
    示例：
      softmin 1 2 3
help-softmin--values = 输入（logits）
help-glu = 门控线性单元：a ⊗ gate(b) 及其偏导数
help-glu-after =
    示例：
      glu 1 2 3 4
      glu 1 2 3 4 --gate swish
      glu 1 2 3 4 / 5 6 7 8 / -1 0 1 2
      glu 1 2 3 --linear 2 --gate gelu
help-glu--values = 输入 x，分成两半 a = x[:d] 和 b = x[d:]；'/' 开始批次的新一行（glu 1 2 3 4 / 5 6 7 8），'-' 从标准输入读取行（每行一个：CSV、TSV 或空格分隔）
help-glu--file = 从文件读取行（每行一个：CSV、TSV 或空格分隔；跳过表头行）
help--dim = a 结束、b 开始的位置：d [默认: 每行的一半，有 --linear 时为 OUT]
help--gate = 门控：sigmoid 或 glu（GLU）、swish、silu 或 swiglu（SwiGLU）、gelu 或 geglu（GeGLU）、relu 或 reglu（ReGLU），或任意函数或关于 x 的公式 [默认: sigmoid]
help--linear = 按笔记的写法先放一个线性层：x → Linear(in, 2·OUT) → [a, b] → a ⊗ gate(b)
help-glu--seed = 线性层 W 和 b 的种子 [默认: 0]
help-xor = 在 XOR 上训练 2-N-1 网络：有激活函数就能解决，没有就不能
help-xor-after =
    示例：
      xor
      xor --act relu
      xor --act none
      xor --hidden 2 --epochs 3000 --show-gradients 0,3000
help-xor--act = 隐藏层激活函数，或 none 表示线性网络 [默认: tanh]
help--hidden = 隐藏单元数 [默认: 4]
help--epochs = 训练轮数（全批量）[默认: 5000]
help--lr = 学习率 [默认: 0.1]
help-xor--seed = 初始权重的种子 [默认: 1]
help--show_gradients = 在这些轮次把每个参数及其梯度以矩阵形式并排打印（逗号分隔；first 和 last 也可用）[默认: first,last]
help-plot = 在终端或 SVG 中画出函数及其导数，或梯度链
help-plot-after =
    示例：
      plot gelu,relu
      plot sigmoid --deriv --from -8 --to 8
      plot chain sigmoid,tanh,relu 50
      plot chain sigmoid,tanh 30 --random
      plot gelu,gelu_tanh --deriv --svg gelu.svg
help-plot--functions = 函数名，或用逗号分隔的多个函数名
help--from = x 的左端 [默认: -5]
help--to = x 的右端 [默认: 5]
help-plot--deriv = 同时画出每个导数（虚线）
help-plot--width = --cols 和 --rows 的旧名字
help-plot--svg = 写出 SVG 文件，而不是画在终端里
help-plot-chain = 经过 DEPTH 层的梯度乘积随深度的变化（对数坐标）；chain 的所有选项都可用
help-plot-chain--functions = 函数名，或用逗号分隔的多个函数名
help-plot-chain--depth = 层数（最多 1e7）
help-plot-chain--bias = 前向传播的偏置 B [默认: 0]
help-plot-chain--input = 前向传播的输入 a_0 [默认: 1]
help-plot-chain--seed = --random 和 --width 的种子 [默认: 0]
help-plot-chain--width = 让梯度向量反向传播经过随机的 WIDTH×WIDTH 层
help-plot-chain--gain = 与 --width 一起用：权重的尺度 [默认: 1]
help-plot-chain--init = 与 --width 一起用：权重初始化：normal（σ = gain/√N）、he 或 kaiming（σ = gain·√(2/N)，为 relu 设计）、xavier 或 glorot（σ = gain·√(2/(N + N))）[默认: normal]
help-plot-chain--svg = 写出 SVG 文件，而不是画在终端里
help-calc = 不含变量的公式的值：calc '2*sigmoid(2) - 1'（在提示符下直接输入即可）
help-calc-after =
    公式可包含：数、+ - * / ^、比较、pi e tau、初等函数（exp、ln、sqrt、erf、sin、...、min、max、pow、if）以及每个目录函数或自定义函数：sigmoid(1)、leaky_relu(-1, slope=0.2)、tanh'(0.5)。
    示例：
      calc '2*sigmoid(2)-1'
      calc 'sqrt(2)/2'
      calc "tanh'(1)"
help--formula = 公式（多个词以空格连接）
help-compare = 比较两个函数：最大绝对误差、相对误差和 ulp 误差，以及各自的耗时
help-compare-after =
    示例：
      compare gelu gelu_tanh
      compare gelu 'x*sigmoid(1.702*x)' -4..4
      compare '1-tanh(x)^2' "tanh'" 0..20
      compare '2*sigmoid(2*x)-1' tanh --deriv
      compare gelu gelu_tanh --plot
help--first = 参考函数：名字、导数（tanh'）或关于 x 的公式
help--second = 与它比较的函数
help-compare--xs = 数（在每个数处列表），或一个要搜索的范围 A..B [默认: -6..6]
help-compare--deriv = 比较导数 F' 和 G'
help-compare--plot = 在终端里画出差 G - F
help-compare--svg = 把差的图写成 SVG 文件
help-completions = 输出 shell 补全脚本（bash、zsh、fish、elvish、powershell）
help-completions-after =
    安装，例如：
      actlab completions bash > ~/.local/share/bash-completion/completions/actlab
      actlab completions zsh > ~/.zfunc/_actlab
      actlab completions fish > ~/.config/fish/completions/actlab.fish
help--shell = shell 的种类
help-manpage = 输出 man 手册页（roff）
help-manpage-after =
    安装，例如：
      actlab manpage > ~/.local/share/man/man1/actlab.1
help-set = 修改本次会话余下部分的设置：format、precision、angle、lang、color
help-set-after =
    示例：
      set format csv
      set precision 6
      set angle rad
      set lang zh
      set color never
help-set-format = 结果的输出方式：table、csv、tsv、json、markdown
help-set-precision = 表格中的有效数字：1 到 17
help-set-angle = 矩阵操作的角度单位：deg 或 rad
help-set-lang = 语言：en、zh
help-set-color = 颜色：auto、always、never
help-settings = 显示会话的设置
help-run = 运行脚本：每行一个命令（跳过 # 注释和空行）
help-run--file = 脚本文件
help-run--keep_going = 出错后仍运行每一行（退出码仍为 1）
help-def = 定义函数：def NAME(x) = FORMULA，带参数时 def NAME(x; p = 1) = FORMULA
help-def-after =
    定义出的函数与目录函数地位相同：eval、deriv（用自动微分精确求导）、chain、plot、info、compare、list 和补全都认识它；它的参数成为选项（--beta）。在提示符下（以及作为一次性命令）定义会保存在初始化文件中（ACTLAB_INIT，否则 ~/.config/actlab/init），并由每种前端加载（--no-init 跳过）。
    示例：
      def swish(x; beta = 1) = x*sigmoid(beta*x)
      eval swish 1 --beta 2
      def lrelu(x; a = 0.01) = if(x > 0, x, a*x)
      def tanh2(x) = 2*sigmoid(2*x)-1
help-def--text = NAME(x) = FORMULA，或 NAME(x; PARAM = DEFAULT, ...) = FORMULA
help-let = 定义常数：let NAME = FORMULA（只计算一次）
help-let-after =
    示例：
      let k = 1.702
      let half_pi = pi/2
      eval gelu k
help-let--text = NAME = FORMULA
help-defs = 列出你的定义（def 和 let）
help-defs-after =
    示例：
      defs
help-undef = 删除一个定义（有别的定义用到它时拒绝）
help-undef-after =
    示例：
      undef tanh2
help--name = 所定义的名字
help-clear = 清屏
help-exit = 离开提示符（也可用 quit、Ctrl-D）
col-layer = 层
col-product = 乘积
col-log10-product = log10 乘积
col-ratio = 比值
col-dead-fraction = 死亡比例
col-clipped = 已截断
col-before = 截断前
col-after = 截断后
col-function = 函数
col-trials = 试验次数
col-mean-log10 = log10 均值
col-median = 中位数
col-min = 最小
col-max = 最大
col-vanished = 消失
col-exploded = 爆炸
col-name = 名字
col-aliases = 别名
col-parameters = 参数
col-formula = 公式
col-property = 性质
col-value = 值
col-derivative = 导数
col-range = 值域
col-derivative-range = 导数的值域
col-derivative-peak = 导数的峰值
col-derivative-peak-at-x = 导数峰值所在的 x
col-minimum = 最小值
col-minimum-at-x = 最小值所在的 x
col-zero-centred-odd = 以零为中心（奇函数）
col-monotonic = 单调
col-smooth = 光滑
col-saturating = 饱和
col-mean-of-f-z-z-n-0-1 = f(Z) 的均值，Z ~ N(0,1)
col-variance-of-f-z = f(Z) 的方差
col-derivative-at-kinks = 不可导点处的导数
col-library-defaults = 各库的默认
col-seed-notes = 笔记要点
col-accuracy = 精度
col-quantity = 量
col-m-row-1 = M 第 1 行
col-m-row-2 = M 第 2 行
col-m-row-3 = M 第 3 行
col-determinant = 行列式
col-trace = 迹
col-rank = 秩
col-max-stack-x-w-x-b = max |stack(x) − (W'x + b')|
col-largest-stack-x = 最大的 |stack(x)|
col-best-affine-fit-residual-spread = 最佳仿射拟合：残差 / 离散度
col-best-affine-fit-r = 最佳仿射拟合：R²
col-row = 行
col-epoch = 轮次
col-loss-mse = 损失（MSE）
col-target = 目标
col-prediction = 预测
col-correct = 正确
col-parameter = 参数
col-shape = 形状
col-gradient-shape = 梯度的形状
col-gradient-at-the-end = 最终的 ‖梯度‖
col-gradient = 梯度
col-largest = 最大
col-at-x = 所在的 x
col-ns-per-value = 每个值的纳秒数
col-kind = 类别
col-z-mean = z 均值
col-z-std = z 标准差
col-a-mean = a 均值
col-a-std = a 标准差
col-saturated = 饱和
col-dead = 死亡
col-setting = 设置
col-format = 输出格式
col-precision = 精度（有效数字）
col-angle = 角度单位
col-color = 颜色
col-lang = 语言
col-series = 曲线
col-mean-std-of-f-z = f(z) 的均值、标准差
col-definition = 定义

## defs

defs-kind-function = 函数
defs-kind-constant = 常数

## 表格分块

table-part = （第 { $first }-{ $last } 列，共 { $n } 列；第 { $part } 部分，共 { $count } 部分）

## 脚本错误

script-error = { $at }：{ $message }

## 操作系统错误

io-not-found = 没有那个文件或目录
io-permission-denied = 权限不够
io-is-a-directory = 是一个目录
io-not-a-directory = 不是目录
io-already-exists = 文件已存在
io-storage-full = 设备上没有空间
io-read-only = 只读文件系统
io-broken-pipe = 管道已断开
io-invalid-data = 数据不是有效的 UTF-8

## 内部错误（缺陷）

internal-helper-stopped = 内部错误：辅助线程已停止
internal-range-point = 内部错误：范围中的点不是数
