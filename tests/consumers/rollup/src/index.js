// The code the README's Vite and webpack section gives, bundled by rollup.
import { ready, validate } from 'xinyong';
import 'xinyong/define';

async function showApi() {
  await ready;
  const invalid = validate('91350100M000100Y4A');
  document.querySelector('#api').textContent =
    `valid=${validate('91350100M000100Y43').valid} position=${invalid.errors[0].position}`;
}

showApi();
