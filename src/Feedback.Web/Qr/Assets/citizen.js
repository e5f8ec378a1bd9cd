/* Progressive enhancement only (the form works without it): shows the reasons of the chosen level, relabels the comment and counts its characters. */
(function(){var f=document.getElementById('rate');if(!f)return;f.classList.add('js');
var c=f.comment,n=document.getElementById('n'),l=document.getElementById('cl'),d=document.getElementById('contact'),last=0;
function sync(){var r=(f.querySelector('input[name=rating]:checked')||{}).value;
f.querySelectorAll('.reasons').forEach(function(g){var on=g.dataset.for===r;g.classList.toggle('on',on);
if(!on)g.querySelectorAll('input').forEach(function(i){i.checked=false})});
var bad=r==='1'||r==='2';l.textContent=bad?l.dataset.bad:l.dataset.good;
if(r!==last){d.open=bad||!!(f.elements.phone.value||document.getElementById('name').value);last=r}}
function count(){n.textContent=Array.from(c.value).length}
f.addEventListener('change',sync);c.addEventListener('input',count);sync();count()})();
