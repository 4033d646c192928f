// The figures this repository builds and commits (npm run figures). A course's own config has the
// same shape; see README.md for every option.
import { activationNames, activations, defineConfig, type FigureConfig } from 'activation-figures';

// Each activation on PyTorch's gallery range, -7 to 7 (or its own, e.g. relu6's), every 0.05.
// Sigmoid and tanh shade where they saturate (|f'| < 0.01): where their gradients vanish.
const activationFigures: FigureConfig[] = activationNames.map((name) => {
  const [min, max] = (activations[name] as { domain?: [number, number] }).domain ?? [-7, 7];
  return {
    id: `activation-${name}`,
    grid: { min, max, samples: Math.round((max - min) / 0.05) + 1 },
    panels: [{ activation: name, saturation: name === 'sigmoid' || name === 'tanh' }],
  };
});

export default defineConfig({
  // A custom activation, by formula: f' and f'' are derived symbolically and checked like the built-ins.
  activations: {
    squareplus: { formula: '(z + sqrt(z^2 + b)) / 2', params: { b: 4 }, label: 'Squareplus' },
  },
  outDir: 'figures',
  formats: ['png', 'svg', 'pdf'],
  png: { scale: 2 },
  figures: [
    // The lab's figure: sigmoid's gradient vanishes, ReLU's does not.
    {
      id: 'sigmoid-vs-relu',
      caption:
        "The lab's figure, linspace(-10, 10, 400): sigmoid's gradient is at most 0.25 and vanishes for large |z|; ReLU's is 1 for every z > 0.",
      grid: { min: -10, max: 10, samples: 400 },
      panels: [{ activation: 'sigmoid' }, { activation: 'relu' }],
    },
    // The lab's exercise 2, in the lab's colours (both activations green).
    {
      id: 'relu-vs-tanh',
      caption:
        "The lab's exercise 2, linspace(-5, 5, 100): tanh is zero-centred and its gradient reaches 1, but it still saturates for large |z|.",
      grid: { min: -5, max: 5, samples: 100 },
      panels: [{ activation: 'relu', color: '#008000' }, { activation: 'tanh' }],
    },
    // The lesson itself: sigmoid's derivative never exceeds 0.25, tanh's and ReLU's reach 1 ...
    {
      id: 'derivatives-overlay',
      kind: 'derivatives-overlay',
      activations: ['sigmoid', 'tanh', 'relu'],
      grid: { min: -10, max: 10, samples: 401 },
      caption:
        "Sigmoid's slope never exceeds 0.25, a quarter of tanh's and ReLU's: in each sigmoid layer the derivative factor is at most ¼ (in the depth figure's network the gradient falls by about that much per layer).",
    },
    // ... so through 30 layers sigmoid's gradient all but vanishes while ReLU's (He init) holds.
    {
      id: 'vanishing-gradient-depth',
      kind: 'vanishing-gradient-depth',
      activations: ['sigmoid', 'tanh', 'relu'],
      depth: 30,
      units: 128,
      batch: 16,
      seed: 0,
      caption:
        "Through 30 layers the sigmoid network's gradient shrinks by about eighteen orders of magnitude; the ReLU network's (He init) keeps its size.",
    },
    // ... and so a 10-layer sigmoid network barely learns: its first layer's gradient is five orders of magnitude
    // below the others', and its loss stays at log 2. Settings chosen in docs/TRAINING.md; replayed in PyTorch.
    {
      id: 'training-moons',
      kind: 'training',
      activations: ['sigmoid', 'tanh', 'relu', 'gelu'],
      task: 'moons',
      depth: 10,
      units: 12,
      samples: 64,
      steps: 200,
      lr: 0.08,
      seed: 0,
      preset: 'slide',
      caption:
        "Ten-layer networks trained on two moons by full-batch gradient descent: the sigmoid network's first-layer gradient is about 10⁻⁶, five orders of magnitude below the others', and its loss never leaves log 2 ≈ 0.693, while tanh, ReLU and GELU learn.",
    },
    // The smooth ReLUs on one set of axes: nearly ReLU for large |z|, different near 0, and non-monotonic.
    {
      id: 'smooth-relus',
      caption:
        'GELU, SiLU and Mish with their derivatives on one set of axes: each dips below 0 for negative z and its slope exceeds 1 just past 0.',
      grid: { min: -5, max: 5, samples: 401 },
      panels: [{ series: ['gelu', 'silu', 'mish'] }],
      // For slides that build up: smooth-relus-1 draws GELU, -2 adds SiLU, -3 (the figure itself) Mish.
      reveal: true,
    },
    // Softplus sharpening towards ReLU as β grows: a looping GIF and an MP4, the y axis fixed.
    {
      id: 'softplus-beta',
      caption:
        'Softplus, log(1 + exp(βz)) / β, for β from 0.5 to 8 beside ReLU: as β grows it sharpens towards ReLU, and its derivative, sigmoid(βz), towards a step.',
      grid: { min: -3, max: 3, samples: 301 },
      panels: [{ series: [{ activation: 'softplus' }, 'relu'] }],
      animate: { param: 'beta', from: 0.5, to: 8, frames: 40, fps: 20, mp4: true },
    },
    // One activation, three parameters: the slope for z < 0 is the derivative there.
    {
      id: 'leaky-relu-slopes',
      caption:
        "Leaky ReLU for three negative slopes: its derivative is the slope for z < 0 and 1 for z > 0 (PyTorch's 0.01 at 0 is the left one).",
      grid: { min: -5, max: 5, samples: 401 },
      panels: [{ series: [{ activation: 'leaky_relu', sweep: { negative_slope: [0.01, 0.1, 0.3] } }] }],
    },
    // Squareplus (a formula in this config) against softplus and ReLU: smooth like softplus, cheaper to compute.
    {
      id: 'squareplus',
      caption:
        'Squareplus, (z + sqrt(z² + b)) / 2 with b = 4, defined by formula in the config, beside softplus and ReLU: its derivative is derived symbolically.',
      grid: { min: -5, max: 5, samples: 401 },
      panels: [{ series: ['squareplus', 'softplus', 'relu'] }],
    },
    ...activationFigures,
  ],
});
