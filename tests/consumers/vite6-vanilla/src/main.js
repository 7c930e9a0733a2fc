// The code the README's Vite section gives: the elements from 'xinyong/define',
// the functions after `await ready` (in a function: a module-level await would
// need a build target with top-level await, which Vite 6's default lacks).
import { ready, validate } from 'xinyong'
import 'xinyong/define'

async function showApi() {
  await ready
  const invalid = validate('91350100M000100Y4A')
  document.querySelector('#api').textContent =
    `valid=${validate('91350100M000100Y43').valid} position=${invalid.errors[0].position}`
}

showApi()
