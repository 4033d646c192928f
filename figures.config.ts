// The figures this repository builds and commits (npm run figures). A course's own config has the
// same shape; see README.md for every option.
import { activationNames, activations, defineConfig, type FigureConfig } from 'activation-figures';

// Each activation on PyTorch's gallery range, -7 to 7 (or its own, e.g. relu6's), every 0.05.
const activationFigures: FigureConfig[] = activationNames.map((name) => {
  const [min, max] = (activations[name] as { domain?: [number, number] }).domain ?? [-7, 7];
  return {
    id: `activation-${name}`,
    grid: { min, max, samples: Math.round((max - min) / 0.05) + 1 },
    panels: [{ activation: name }],
  };
});

export default defineConfig({
  outDir: 'figures',
  formats: ['png', 'svg', 'pdf'],
  png: { scale: 2 },
  figures: [
    // The lab's figure: sigmoid's gradient vanishes, ReLU's does not.
    {
      id: 'sigmoid-vs-relu',
      grid: { min: -10, max: 10, samples: 400 },
      panels: [{ activation: 'sigmoid' }, { activation: 'relu' }],
    },
    // The lab's exercise 2, in the lab's colours (both activations green).
    {
      id: 'relu-vs-tanh',
      grid: { min: -5, max: 5, samples: 100 },
      panels: [{ activation: 'relu', color: '#008000' }, { activation: 'tanh' }],
    },
    ...activationFigures,
  ],
});
